using Berth.Apps;
using Berth.Apps.Python;
using Berth.Apps.Python.Stated;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>The server flags a repository states (issue 13): read from each kind of file, in precedence order, development commands left out.</summary>
public sealed class StatedServerOptionTests
{
    private static ServiceProfile Single(string fixture) => Assert.Single(PythonServiceDetector.Scan(RepoPaths.Fixture(fixture)).Services);

    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private static string Options(ServiceProfile profile) =>
        string.Join("; ", profile.PythonPart().ServerOptions.Select(o => $"{o.Name}={o.Value ?? "(switch)"}@{o.Source}"));

    [Fact]
    public void Exec_form_short_flags_equals_and_quoted_lists_are_read()
    {
        Assert.Equal([("workers", "4"), ("root-path", "/v1")],
            ServerOptionParser.Parse("fastapi run", """["fastapi", "run", "--workers", "4", "app/main.py", "--root-path=/v1"]"""));
        Assert.Equal([("workers", "3"), ("forwarded-allow-ips", "10.0.0.1,10.0.0.2"), ("timeout", "90")],
            ServerOptionParser.Parse("gunicorn", "uv run gunicorn app:app -w3 --forwarded-allow-ips=\"10.0.0.1,10.0.0.2\" -t 90 -b :8000"));
        Assert.Equal([("proxy-headers", null), ("keep-alive", "5"), ("workers", "${WORKERS:-2}")],
            ServerOptionParser.Parse("uvicorn", "exec uvicorn app.main:app --proxy-headers --timeout-keep-alive 5 --workers ${WORKERS:-2}"));
        Assert.Equal([("workers", "2"), ("root-path", "/api")], ServerOptionParser.Parse("granian", "granian --interface asgi app:app --workers 2 --url-path-prefix /api"));
    }

    [Fact]
    public void Reload_debug_and_fastapi_dev_are_development_commands()
    {
        Assert.True(ServerOptionParser.IsDevelopment("uvicorn app.main:app --reload --workers 1"));
        Assert.True(ServerOptionParser.IsDevelopment("flask run --debug"));
        Assert.True(ServerOptionParser.IsDevelopment("fastapi dev app/main.py"));
        Assert.False(ServerOptionParser.IsDevelopment("gunicorn app:app --workers 4"));
    }

    [Fact]
    public void A_gunicorn_config_states_literals_and_environment_reads_not_computed_values()
    {
        var options = GunicornSettingsReader.ReadConfig("gunicorn.conf.py",
            "import os\nworkers = int(os.environ.get(\"GUNICORN_WORKERS\", \"3\"))\ntimeout = 120  # slow\nthreads = multiprocessing.cpu_count()\npreload_app = True\ndaemon = False\nforwarded_allow_ips = '*'\n");
        Assert.Equal(["workers=${GUNICORN_WORKERS:-3}@gunicorn.conf.py:2", "timeout=120@gunicorn.conf.py:3", "preload=@gunicorn.conf.py:5", "forwarded-allow-ips=*@gunicorn.conf.py:7"],
            options.Select(o => $"{o.Name}={o.Value}@{o.Source}"));
    }

    [Fact]
    public void A_procfile_states_workers_and_forwarded_ips_with_evidence()
    {
        var profile = Single("stated-flags-procfile");
        Assert.Equal("workers=3@Procfile:1; forwarded-allow-ips=10.0.0.1,10.0.0.2@Procfile:1; error-logfile=/var/log/web.log@Procfile:1", Options(profile));
        Assert.Contains(profile.Evidence, e => e is { File: "Procfile", Line: 1 } && e.Fact == "server option --workers 3 stated for gunicorn");
    }

    [Fact]
    public void The_dockerfile_command_is_read_and_a_reload_compose_command_is_not()
    {
        var profile = Single("stated-flags-fastapi-run");
        Assert.Equal("workers=4@Dockerfile:6", Options(profile));
        Assert.All(profile.PythonPart().ServerOptions, o => Assert.Equal("fastapi run", o.Server));
    }

    [Fact]
    public void A_development_compose_command_alone_states_nothing_and_says_so()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
            ["docker-compose.yml"] = "services:\n  web:\n    build: .\n    command: uvicorn app.main:app --reload --workers 1 --host 0.0.0.0 --port 8000\n",
        });
        Assert.Empty(profile.PythonPart().ServerOptions);
        Assert.Contains(profile.Notes, n => n.StartsWith("docker-compose.yml:4 starts a development server", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dockerfile_wins_over_the_procfile_which_wins_over_a_start_script_and_the_gunicorn_config_fills_in()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\ngunicorn\n",
            ["app.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["Dockerfile"] = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"app:app\", \"--workers\", \"5\"]\n",
            ["Procfile"] = "web: gunicorn app:app --workers 3 --timeout 60\n",
            ["start.sh"] = "exec gunicorn app:app --workers 2 --threads 8\n",
            ["gunicorn.conf.py"] = "workers = 9\nkeepalive = 4\n",
        });
        Assert.Equal("workers=5@Dockerfile:3; keep-alive=4@gunicorn.conf.py:2", Options(profile));
    }

    [Fact]
    public void A_variable_keeps_its_form_and_becomes_an_env_variable_with_its_default()
    {
        var profile = Single("stated-flags-uvicorn");
        Assert.Equal("proxy-headers=(switch)@boot.sh:3; forwarded-allow-ips=*@boot.sh:3; root-path=/api@boot.sh:3; workers=${WEB_CONCURRENCY:-2}@boot.sh:3", Options(profile));
        var variable = Assert.Single(profile.Env, e => e.Name == "WEB_CONCURRENCY");
        Assert.Equal(("2", false, false, "boot.sh:3"), (variable.Default, variable.Required, variable.Secret, variable.Source));
    }

    [Fact]
    public void The_dockerfile_env_gives_gunicorn_its_command_args_and_worker_count()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\ngunicorn\n",
            ["app.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["Dockerfile"] = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nENV GUNICORN_CMD_ARGS=\"--timeout 75 --max-requests 500\" WEB_CONCURRENCY=4\nCMD gunicorn app:app\n",
        });
        Assert.Equal("timeout=75@Dockerfile:3; max-requests=500@Dockerfile:3; workers=${WEB_CONCURRENCY:-4}@Dockerfile:3", Options(profile));
    }
}
