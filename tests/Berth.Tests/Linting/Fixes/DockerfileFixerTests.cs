using Berth.Dockerfiles;
using Berth.Linting.Fixes;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Fixes;

public sealed class DockerfileFixerTests
{
    private const string Before = """
        # syntax=docker/dockerfile:1
        # a comment that stays exactly as it is
        FROM python:3.12-slim AS build
        RUN apt-get update \
            # keep this comment
            && apt-get install -y curl \
            && rm -rf /var/lib/apt/lists/*
        RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
        RUN pip install --upgrade pip && python -m pip install -r requirements.txt
        COPY <<EOF /app/setup.sh
        apt-get install -y vim
        pip install x
        EOF
        RUN <<EOT
        apt-get install -y git
        EOT

        FROM python:3.12-slim
        COPY --from=build /app /app
        CMD uvicorn app.main:app --host 0.0.0.0 --port 8000

        """;

    private const string After = """
        # syntax=docker/dockerfile:1
        # a comment that stays exactly as it is
        FROM python:3.12-slim AS build
        RUN apt-get update \
            # keep this comment
            && apt-get install --no-install-recommends -y curl \
            && rm -rf /var/lib/apt/lists/*
        RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
        RUN pip install --no-cache-dir --upgrade pip && python -m pip install --no-cache-dir -r requirements.txt
        COPY <<EOF /app/setup.sh
        apt-get install -y vim
        pip install x
        EOF
        RUN <<EOT
        apt-get install -y git
        EOT

        FROM python:3.12-slim
        COPY --from=build /app /app
        CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]

        """;

    private static FixResult Fix(string text) => DockerfileFixer.Fix(DockerfileParser.Parse("Dockerfile", text));

    [Fact]
    public void Applies_the_safe_fixes_and_keeps_everything_else()
    {
        var result = Fix(Before);
        Assert.Equal(After, result.Document.ToText());
        Assert.Equal(
            ["4:apt-no-install-recommends", "9:pip-no-cache-dir", "20:exec-form-command"],
            result.Applied.Select(a => $"{a.Line}:{a.Fix}"));
    }

    [Fact]
    public void Is_idempotent()
    {
        var once = Fix(Before).Document.ToText();
        var twice = Fix(once);
        Assert.False(twice.Changed);
        Assert.Equal(once, twice.Document.ToText());
    }

    [Fact]
    public void Keeps_crlf_line_endings_and_a_byte_order_mark()
    {
        var before = "\uFEFFFROM debian:12\r\nRUN apt-get install -y curl\r\n# note\r\nCMD ./server\r\n";
        var result = Fix(before);
        Assert.Equal("\uFEFFFROM debian:12\r\nRUN apt-get install --no-install-recommends -y curl\r\n# note\r\nCMD [\"./server\"]\r\n", result.Document.ToText());
    }

    [Theory]
    [InlineData("FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get update\n")]
    [InlineData("FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n")]
    [InlineData("FROM python:3.12\nRUN pip install --no-cache-dir flask\n")]
    [InlineData("FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n")]
    [InlineData("FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n")]
    [InlineData("FROM python:3.12\nRUN pip freeze > requirements.txt\n")]
    [InlineData("FROM python:3.12\nCMD [\"python\", \"app.py\"]\n")]
    [InlineData("FROM python:3.12\nCMD python app.py && echo done\n")]
    [InlineData("FROM python:3.12\nCMD python $APP\n")]
    [InlineData("FROM python:3.12\nCMD python 'app.py'\n")]
    [InlineData("FROM python:3.12\nCMD python app.py > /tmp/log\n")]
    [InlineData("FROM python:3.12\nCMD python *.py\n")]
    [InlineData("FROM python:3.12\nCMD python app.py; true\n")]
    [InlineData("FROM python:3.12\nCMD python app.py | tee log\n")]
    [InlineData("FROM python:3.12\nCMD PORT=80 python app.py\n")]
    [InlineData("FROM python:3.12\nCMD python \\\n    app.py\n")]
    [InlineData("FROM python:3.12\nENTRYPOINT [\"python\"]\nCMD app.py\n")]
    [InlineData("FROM python:3.12\nENTRYPOINT python app.py\nCMD --debug\n")]
    [InlineData("FROM python:3.12 AS base\nENTRYPOINT [\"python\"]\nFROM base\nCMD app.py\n")]
    [InlineData("FROM python:3.12\nSHELL [\"/bin/bash\", \"-c\"]\nCMD python app.py\n")]
    public void Leaves_alone_what_is_fine_or_not_safe_to_change(string text)
    {
        var result = Fix(text);
        Assert.False(result.Changed, string.Join(", ", result.Applied.Select(a => a.Fix)));
        Assert.Equal(text, result.Document.ToText());
    }

    [Fact]
    public void Entrypoint_alone_becomes_exec_form()
    {
        var result = Fix("FROM python:3.12\nENTRYPOINT gunicorn -b 0.0.0.0:8000 app:app\n");
        Assert.Equal("FROM python:3.12\nENTRYPOINT [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n", result.Document.ToText());
    }

    [Fact]
    public void Several_installs_in_one_run_are_all_fixed()
    {
        var result = Fix("FROM debian:12\nRUN apt-get install -y a && apt-get install -y b\n");
        Assert.Equal("FROM debian:12\nRUN apt-get install --no-install-recommends -y a && apt-get install --no-install-recommends -y b\n", result.Document.ToText());
    }

    [Fact]
    public void Cli_fix_writes_in_place_prints_changes_and_is_idempotent()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = Before });
        var first = BerthCli.Run("lint", tree.Root, "--fix");
        Assert.Contains("Dockerfile:4: fixed apt-no-install-recommends", first.Stdout);
        Assert.Contains("3 fixes applied", first.Stdout);
        Assert.Equal(After, File.ReadAllText(tree.PathOf("Dockerfile")));
        Assert.Equal(["Dockerfile"], tree.Files()); // no temp file left behind
        var second = BerthCli.Run("lint", tree.Root, "--fix");
        Assert.Contains("no safe fixes to apply", second.Stdout);
        Assert.Equal(After, File.ReadAllText(tree.PathOf("Dockerfile")));
    }

    [Fact]
    public void Cli_fix_keeps_machine_output_clean()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = "FROM python:3.12\nUSER 10001\nCMD python app.py\n" });
        var run = BerthCli.Run("lint", tree.Root, "--fix", "--format", "json");
        Assert.Contains("fixed exec-form-command", run.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal("FROM python:3.12\nUSER 10001\nCMD [\"python\", \"app.py\"]\n", File.ReadAllText(tree.PathOf("Dockerfile")));
    }
}
