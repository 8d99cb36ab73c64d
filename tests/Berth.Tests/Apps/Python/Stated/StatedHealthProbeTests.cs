using Berth.Apps;
using Berth.Apps.Python;
using Berth.Apps.Python.Stated;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python.Stated;

/// <summary>
/// A repository whose code names no health route but whose own health check probes one (held-out: a Dockerfile HEALTHCHECK that
/// runs a script requesting an "about" endpoint): that route is the service's health route, with the probe as evidence.
/// </summary>
public sealed class StatedHealthProbeTests
{
    private static Dictionary<string, string> AppWithoutHealthRoute() => new()
    {
        ["requirements.txt"] = "fastapi\nuvicorn\n",
        ["recipes/__init__.py"] = "",
        ["recipes/app.py"] =
            "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/api/meta/version\")\ndef version():\n    return {\"version\": \"1\"}\n",
    };

    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    [Fact]
    public void A_healthcheck_script_the_dockerfile_runs_names_the_route_it_requests()
    {
        var files = AppWithoutHealthRoute();
        files["deploy/Dockerfile"] = "FROM python:3.11-slim\nENV APP_HOME=/srv\nCOPY . /srv\nRUN pip install -r /srv/requirements.txt\n" +
            "HEALTHCHECK CMD python $APP_HOME/recipes/tools/probe.py || exit 1\nCMD [\"uvicorn\", \"recipes.app:app\", \"--port\", \"9000\"]\n";
        files["recipes/tools/probe.py"] =
            "import os, sys, urllib.request\n\nport = os.getenv(\"PORT\", 9000)\n# http://127.0.0.1:1/not-this\nurl = f\"http://127.0.0.1:{port}/api/meta/version\"\n" +
            "sys.exit(0 if urllib.request.urlopen(url).status == 200 else 1)\n";

        var profile = Scan(files);

        var route = Assert.Single(profile.Health);
        Assert.Equal("/api/meta/version", route.Path);
        Assert.Equal(["GET"], route.Methods);
        Assert.Equal("recipes/tools/probe.py:5", route.Source);
        Assert.Contains(profile.Evidence, e => e.File == "recipes/tools/probe.py" && e.Line == 5 && e.Fact.Contains("HEALTHCHECK (line 5)", StringComparison.Ordinal));
        Assert.DoesNotContain(profile.Notes, n => n.StartsWith("no health route found", StringComparison.Ordinal));
    }

    [Fact]
    public void A_url_in_the_healthcheck_command_or_a_compose_test_is_the_route()
    {
        var files = AppWithoutHealthRoute();
        files["Dockerfile"] = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nHEALTHCHECK --interval=10s CMD curl -fsS http://localhost:${PORT:-8000}/api/meta/version?probe=1 || exit 1\n";
        Assert.Equal("/api/meta/version", Assert.Single(Scan(files).Health).Path);

        files.Remove("Dockerfile");
        files["compose.yaml"] = "services:\n  api:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"wget\", \"-qO-\", \"http://127.0.0.1:8000/api/meta/version\"]\n";
        Assert.Equal("/api/meta/version", Assert.Single(Scan(files).Health).Path);
    }

    [Fact]
    public void A_route_named_like_a_health_route_in_the_code_wins_and_a_probe_of_the_root_or_of_another_host_states_nothing()
    {
        var files = AppWithoutHealthRoute();
        files["recipes/app.py"] += "\n\n@app.get(\"/healthz\")\ndef healthz():\n    return {}\n";
        files["Dockerfile"] = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nHEALTHCHECK CMD curl -f http://localhost:8000/api/meta/version\n";
        Assert.Equal("/healthz", Assert.Single(Scan(files).Health).Path);

        files = AppWithoutHealthRoute();
        files["Dockerfile"] = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n";
        Assert.Empty(Scan(files).Health);
        files["Dockerfile"] = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\nHEALTHCHECK CMD curl -f https://status.example.com/api/meta/version\n";
        Assert.Empty(Scan(files).Health);
    }

    [Theory]
    [InlineData("curl -f http://localhost:8000/health", "/health")]
    [InlineData("wget -q http://0.0.0.0:$PORT/ready#x", "/ready")]
    [InlineData("url = f\"http://127.0.0.1:{port}/api/app/about\"", "/api/app/about")]
    [InlineData("curl -f http://localhost:8000/", null)]
    [InlineData("curl -f http://localhost:8000/items/{id}", null)]
    [InlineData("curl -f http://db:5432/health", null)]
    public void The_probed_path_is_a_local_urls_path(string text, string? expected) =>
        Assert.Equal(expected, StatedHealthProbe.ProbedPath(text));
}
