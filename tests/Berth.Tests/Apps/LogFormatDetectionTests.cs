using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps;

/// <summary>The profile's log format: "json" with evidence when the service's own code configures JSON log lines, else null.</summary>
public sealed class LogFormatDetectionTests
{
    private const string Main = """
        from fastapi import FastAPI

        app = FastAPI()
        """;

    private static ServiceProfile Scan(params (string Path, string Content)[] files)
    {
        var all = new Dictionary<string, string> { ["app/__init__.py"] = "", ["app/main.py"] = Main };
        foreach (var (path, content) in files)
            all[path] = content;
        if (!all.ContainsKey("requirements.txt"))
            all["requirements.txt"] = "fastapi\nuvicorn\n";
        using var tree = new TempTree(all);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private static Evidence? LogEvidence(ServiceProfile profile) =>
        profile.Evidence.SingleOrDefault(e => e.Fact.StartsWith("log format ", StringComparison.Ordinal));

    [Fact]
    public void Notes_api_example_writes_json_from_its_formatter_class()
    {
        var profile = Assert.Single(PythonServiceDetector.Scan(RepoPaths.Example("notes-api")).Services);
        Assert.Equal("json", profile.LogFormat);
        var evidence = LogEvidence(profile);
        Assert.NotNull(evidence);
        Assert.Equal(("app/logging_config.py", 9), (evidence.File, evidence.Line));
        Assert.Equal("log format json: JsonFormatter subclasses logging.Formatter and calls json.dumps", evidence.Fact);
    }

    [Fact]
    public void Inventory_service_example_says_nothing_about_json()
    {
        var profile = Assert.Single(PythonServiceDetector.Scan(RepoPaths.Example("inventory-service")).Services);
        Assert.Null(profile.LogFormat);
        Assert.Null(LogEvidence(profile));
    }

    [Fact]
    public void Plain_service_has_no_log_format()
    {
        var profile = Scan(("app/log.py", "import logging\nlogging.basicConfig(level=logging.INFO)\n"));
        Assert.Null(profile.LogFormat);
        Assert.Null(LogEvidence(profile));
    }

    [Fact]
    public void Python_json_logger_dependency_loaded_by_the_code()
    {
        var profile = Scan(
            ("requirements.txt", "fastapi\nuvicorn\npython_json_logger==2.0.7\n"),
            ("app/log.py", "import logging\n\nfrom pythonjsonlogger import jsonlogger  # noqa: F401\n"));
        Assert.Equal("json", profile.LogFormat);
        var evidence = LogEvidence(profile);
        Assert.NotNull(evidence);
        Assert.Equal(("app/log.py", 3), (evidence.File, evidence.Line));
    }

    [Fact]
    public void Python_json_logger_dependency_alone_or_import_alone_is_not_json()
    {
        Assert.Null(Scan(("requirements.txt", "fastapi\nuvicorn\npython-json-logger\n")).LogFormat);
        Assert.Null(Scan(("app/log.py", "from pythonjsonlogger import jsonlogger\n")).LogFormat);
    }

    [Fact]
    public void Code_clue_wins_over_the_dependency_and_reports_where_it_is()
    {
        var profile = Scan(
            ("requirements.txt", "fastapi\nuvicorn\npython-json-logger\n"),
            ("app/log.py", "import logging\nfrom pythonjsonlogger.json import JsonFormatter\n\nhandler = logging.StreamHandler()\nhandler.setFormatter(JsonFormatter())\n"));
        Assert.Equal("json", profile.LogFormat);
        Assert.Equal(new Evidence("log format json: pythonjsonlogger.json.JsonFormatter(...) (python-json-logger)", "app/log.py", 5), LogEvidence(profile));
    }

    [Fact]
    public void Structlog_json_renderer_and_loguru_serialize_count()
    {
        var structlog = Scan(("app/log.py", "import structlog\nstructlog.configure(processors=[structlog.processors.JSONRenderer()])\n"));
        Assert.Equal("json", structlog.LogFormat);
        Assert.Equal(("app/log.py", 2), (LogEvidence(structlog)!.File, LogEvidence(structlog)!.Line));

        var loguru = Scan(("app/log.py", "import sys\nfrom loguru import logger\nlogger.add(sys.stdout, serialize=True)\n"));
        Assert.Equal("json", loguru.LogFormat);
        Assert.Equal(("app/log.py", 3), (LogEvidence(loguru)!.File, LogEvidence(loguru)!.Line));
    }

    [Fact]
    public void Structlog_without_json_renderer_is_not_json()
    {
        Assert.Null(Scan(("app/log.py", "import structlog\nstructlog.configure(processors=[structlog.dev.ConsoleRenderer()])\n")).LogFormat);
    }

    [Fact]
    public void Dict_config_naming_a_json_formatter_counts()
    {
        var profile = Scan(("app/log.py", """
            import logging.config

            logging.config.dictConfig({
                "version": 1,
                "formatters": {"json": {"()": "pythonjsonlogger.json.JsonFormatter"}},
            })
            """));
        Assert.Equal("json", profile.LogFormat);
        Assert.Equal(("app/log.py", 5), (LogEvidence(profile)!.File, LogEvidence(profile)!.Line));
    }

    [Fact]
    public void Only_the_service_own_modules_count()
    {
        const string formatter = "import json, logging\n\nclass J(logging.Formatter):\n    def format(self, r):\n        return json.dumps({})\n";
        Assert.Null(Scan(("tests/test_log.py", formatter), ("app/test_log.py", formatter)).LogFormat);
    }

    [Fact]
    public void Scan_text_and_json_show_the_log_format()
    {
        var text = BerthCli.Run("scan", RepoPaths.Example("notes-api"));
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("  log format json  (app/logging_config.py:9)\n", text.Stdout, StringComparison.Ordinal);

        var json = BerthCli.Run("scan", RepoPaths.Example("notes-api"), "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        Assert.Equal("json", document.RootElement.GetProperty("services")[0].GetProperty("logFormat").GetString());

        var plain = BerthCli.Run("scan", RepoPaths.Example("inventory-service"), "--format", "json");
        using var plainDocument = System.Text.Json.JsonDocument.Parse(plain.Stdout);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plainDocument.RootElement.GetProperty("services")[0].GetProperty("logFormat").ValueKind);
    }
}
