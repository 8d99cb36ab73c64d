using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

/// <summary>The reader's JSON logging clues: each form that makes log lines JSON, and look-alikes that must not count.</summary>
public sealed class JsonLoggingTests
{
    private static IReadOnlyList<JsonLoggingClue> Clues(string code) => PythonModuleReader.Read("app/log.py", code).JsonLogging;

    [Fact]
    public void Formatter_subclass_calling_json_dumps()
    {
        const string code = """
            import json
            import logging

            class JsonFormatter(logging.Formatter):
                def format(self, record):
                    entry = {"message": record.getMessage()}
                    return json.dumps(entry)
            """;
        Assert.Equal([new JsonLoggingClue(JsonLoggingKind.DumpsFormatterClass, "JsonFormatter", 4)], Clues(code));
    }

    [Theory]
    [InlineData("from logging import Formatter\nfrom json import dumps\n\nclass F(Formatter):\n    def format(self, r):\n        return dumps({})\n")]
    [InlineData("import logging as lg\nimport json as j\n\nclass F(lg.Formatter):\n    def format(self, r):\n        return j.dumps({})\n")]
    [InlineData("import logging\ntry:\n    import orjson as json\nexcept ImportError:\n    import json\n\nclass F(logging.Formatter):\n    def format(self, r):\n        return json.dumps({})\n")]
    public void Formatter_subclass_under_any_import_spelling(string code)
    {
        var clue = Assert.Single(Clues(code));
        Assert.Equal((JsonLoggingKind.DumpsFormatterClass, "F"), (clue.Kind, clue.Name));
    }

    [Fact]
    public void Formatter_through_a_local_base_class()
    {
        const string code = """
            import json, logging

            class Base(logging.Formatter):
                def render(self, entry):
                    return json.dumps(entry)

            class Service(Base):
                pass
            """;
        Assert.Equal(
            [
                new JsonLoggingClue(JsonLoggingKind.DumpsFormatterClass, "Base", 3),
                new JsonLoggingClue(JsonLoggingKind.DumpsFormatterClass, "Service", 7),
            ],
            Clues(code));
    }

    [Fact]
    public void Formatter_without_json_dumps_is_not_json()
    {
        const string code = """
            import json
            import logging

            class PlainFormatter(logging.Formatter):
                def format(self, record):
                    return f"{record.levelname} {record.getMessage()}"

            def payload():
                return json.dumps({})
            """;
        Assert.Empty(Clues(code));
    }

    [Fact]
    public void Json_dumps_in_a_docstring_or_comment_is_not_json()
    {
        const string code = """"
            import json
            import logging

            class Formatter(logging.Formatter):
                """Could use json.dumps(entry) one day."""

                def format(self, record):
                    # return json.dumps({"message": record.getMessage()})
                    text = "json.dumps(record)"
                    return super().format(record)
            """";
        Assert.Empty(Clues(code));
    }

    [Fact]
    public void Class_named_json_formatter_that_is_no_logging_formatter_is_not_json()
    {
        const string code = """
            import json

            class JsonFormatter:
                def format(self, record):
                    return json.dumps(record)

            class Formatter:
                pass

            class Other(Formatter):
                def format(self, record):
                    return json.dumps(record)

            formatter = JsonFormatter()
            """;
        Assert.Empty(Clues(code));
    }

    [Theory]
    [InlineData("from pythonjsonlogger import jsonlogger\nhandler.setFormatter(jsonlogger.JsonFormatter('%(message)s'))\n", "pythonjsonlogger.jsonlogger.JsonFormatter")]
    [InlineData("from pythonjsonlogger.json import JsonFormatter\nformatter = JsonFormatter()\n", "pythonjsonlogger.json.JsonFormatter")]
    [InlineData("import pythonjsonlogger.jsonlogger\nf = pythonjsonlogger.jsonlogger.JsonFormatter()\n", "pythonjsonlogger.jsonlogger.JsonFormatter")]
    public void Python_json_logger_formatter_built(string code, string formatter)
    {
        Assert.Equal([new JsonLoggingClue(JsonLoggingKind.LibraryFormatterCall, formatter, 2)], Clues(code));
    }

    [Fact]
    public void Python_json_logger_formatter_subclassed()
    {
        const string code = """
            from pythonjsonlogger.json import JsonFormatter

            class ServiceFormatter(JsonFormatter):
                def add_fields(self, log_record, record, message_dict):
                    super().add_fields(log_record, record, message_dict)
            """;
        Assert.Equal([new JsonLoggingClue(JsonLoggingKind.LibraryFormatterSubclass, "ServiceFormatter", 3)], Clues(code));
    }

    [Fact]
    public void Structlog_json_renderer()
    {
        const string code = """
            import structlog

            structlog.configure(
                processors=[
                    structlog.processors.TimeStamper(fmt="iso"),
                    structlog.processors.JSONRenderer(),
                ],
            )
            """;
        Assert.Equal([new JsonLoggingClue(JsonLoggingKind.StructlogJsonRenderer, "structlog.processors.JSONRenderer", 6)], Clues(code));
    }

    [Fact]
    public void Structlog_without_json_renderer_is_not_json()
    {
        const string code = """
            import structlog
            from structlog.processors import JSONRenderer  # imported, never used

            structlog.configure(processors=[structlog.dev.ConsoleRenderer()])
            """;
        Assert.Empty(Clues(code));
    }

    [Fact]
    public void Loguru_serialize_true()
    {
        const string code = """
            import sys
            from loguru import logger

            logger.remove()
            logger.add(sys.stdout, serialize=True)
            """;
        Assert.Equal([new JsonLoggingClue(JsonLoggingKind.LoguruSerialize, "add", 5)], Clues(code));
    }

    [Fact]
    public void Loguru_configure_with_a_serializing_handler()
    {
        const string code = """
            import sys
            from loguru import logger

            logger.configure(handlers=[{"sink": sys.stdout, "serialize": True}])
            """;
        Assert.Equal([new JsonLoggingClue(JsonLoggingKind.LoguruSerialize, "configure", 4)], Clues(code));
    }

    [Fact]
    public void Loguru_without_serialize_or_another_logger_is_not_json()
    {
        const string code = """
            import sys
            import logging
            from loguru import logger

            logger.add(sys.stdout, serialize=False)
            logger.add(sys.stderr)
            other = logging.getLogger("x")
            other.add(sys.stdout, serialize=True)
            """;
        Assert.Empty(Clues(code));
    }

    [Fact]
    public void Dict_config_naming_a_json_formatter()
    {
        const string code = """
            import logging.config

            LOGGING = {
                "version": 1,
                "formatters": {
                    "json": {"()": "pythonjsonlogger.jsonlogger.JsonFormatter", "fmt": "%(message)s"},
                    "new": {"class": "pythonjsonlogger.json.JsonFormatter"},
                    "plain": {"format": "%(message)s"},
                },
                "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
            }
            logging.config.dictConfig(LOGGING)
            """;
        Assert.Equal(
            [
                new JsonLoggingClue(JsonLoggingKind.ConfigFormatter, "pythonjsonlogger.jsonlogger.JsonFormatter", 6),
                new JsonLoggingClue(JsonLoggingKind.ConfigFormatter, "pythonjsonlogger.json.JsonFormatter", 7),
            ],
            Clues(code));
    }

    [Fact]
    public void Dict_config_with_a_formatter_object_resolves_imports_and_ignores_other_classes()
    {
        const string code = """
            import logging.config
            from pythonjsonlogger import jsonlogger
            from .formatting import ServiceFormatter

            logging.config.dictConfig({
                "version": 1,
                "formatters": {
                    "a": {"()": jsonlogger.JsonFormatter},
                    "b": {"()": ServiceFormatter},
                },
            })
            """;
        Assert.Equal(
            [
                new JsonLoggingClue(JsonLoggingKind.ConfigFormatter, "pythonjsonlogger.jsonlogger.JsonFormatter", 8),
            ],
            Clues(code));
    }

    [Fact]
    public void Json_logging_in_strings_and_comments_gives_nothing()
    {
        const string code = """"
            """
            structlog.processors.JSONRenderer()
            logger.add(sys.stdout, serialize=True)
            class JsonFormatter(logging.Formatter): return json.dumps(x)
            """
            # from pythonjsonlogger import jsonlogger; jsonlogger.JsonFormatter()
            EXAMPLE = '{"()": "pythonjsonlogger.jsonlogger.JsonFormatter"}'
            """";
        Assert.Empty(Clues(code));
    }
}
