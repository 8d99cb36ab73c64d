using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps;

/// <summary>Service discovery and the profile facts, on fixture trees.</summary>
public sealed class PythonServiceDetectorTests
{
    private static ServiceProfile Single(string fixture)
    {
        var scan = PythonServiceDetector.Scan(RepoPaths.Fixture(fixture));
        return Assert.Single(scan.Services);
    }

    [Fact]
    public void Monorepo_finds_the_backend_and_says_why_the_others_were_skipped()
    {
        var scan = PythonServiceDetector.Scan(RepoPaths.Fixture("monorepo"));
        var backend = Assert.Single(scan.Services);
        Assert.Equal("backend", backend.Path);
        Assert.Equal("app.main:app", backend.Entrypoint);
        Assert.Equal(["backend/requirements.txt"], backend.RequirementFiles);
        Assert.Contains("backend/requirements-dev.txt", backend.PythonPart().DevRequirementFiles);
        Assert.DoesNotContain("pytest", backend.Dependencies);

        var tools = Assert.Single(scan.Skipped, s => s.Path == "tools");
        Assert.Contains("only tool settings", tools.Reason);
        var worker = Assert.Single(scan.Skipped, s => s.Path == "worker");
        Assert.Contains("worker", worker.Reason);
    }

    [Fact]
    public void Router_prefix_is_part_of_the_health_path_and_fastapi_get_does_not_answer_head()
    {
        var backend = Assert.Single(PythonServiceDetector.Scan(RepoPaths.Fixture("monorepo")).Services);
        var health = Assert.Single(backend.Health);
        Assert.Equal("/api/health", health.Path);
        Assert.Equal(["GET"], health.Methods);
        Assert.Contains(backend.Notes, n => n.Contains("does not answer HEAD", StringComparison.Ordinal));
    }

    [Fact]
    public void Flask_with_gunicorn_and_psycopg2()
    {
        var app = Single("flask-gunicorn");
        Assert.Equal("flask", app.Framework);
        Assert.Equal("wsgi", app.Interface);
        Assert.Equal("app:app", app.Entrypoint);
        Assert.Equal("gunicorn", app.Server);
        Assert.Equal(8000, app.Port);
        Assert.True(app.PortIsDefault); // nothing in the fixture states a port: Berth's default
        var health = Assert.Single(app.Health);
        Assert.Equal("/healthz", health.Path);
        Assert.Equal(["GET", "HEAD"], health.Methods); // Flask answers HEAD wherever GET is allowed
        var secret = Assert.Single(app.Env, e => e.Name == "SECRET_KEY");
        Assert.True(secret.Required);
        Assert.True(secret.Secret);
        var database = Assert.Single(app.Env, e => e.Name == "DATABASE_URL");
        Assert.False(database.Required);
        Assert.True(database.Secret);
        Assert.Null(database.Default); // a credentialled default is never shown
        var native = Assert.Single(app.NativeLibraries, n => n.Dependency == "psycopg2");
        Assert.Contains("libpq-dev", native.BuildPackages);
        Assert.Contains("libpq5", native.RuntimePackages);
    }

    [Fact]
    public void Django_entrypoint_comes_from_wsgi_application()
    {
        var site = Single("django-site");
        Assert.Equal("django", site.Framework);
        Assert.Equal("mysite.wsgi:application", site.Entrypoint);
        Assert.Equal("gunicorn", site.Server);
        Assert.Contains(site.Health, h => h.Path == "/health/" && h.Methods.Contains("HEAD"));
        Assert.Contains(site.Env, e => e.Name == "DJANGO_SECRET_KEY" && e.Required && e.Secret);
        Assert.Contains(site.Env, e => e.Name == "DJANGO_SETTINGS_MODULE" && !e.Required && e.Default == "mysite.settings");
    }

    [Fact]
    public void Starlette_routes_answer_head_and_version_comes_from_python_version_file()
    {
        var app = Single("uv-simple");
        Assert.Equal("starlette", app.Framework);
        Assert.Equal("uv", app.PackageManager);
        Assert.Equal("uv.lock", app.LockFile);
        Assert.Equal("3.12", app.Runtime.Version);
        Assert.Equal(".python-version", app.Runtime.VersionSource);
        Assert.Equal("/livez", app.Health[0].Path);
        Assert.Equal(["GET", "HEAD"], app.Health[0].Methods);
        Assert.Contains(app.Health, h => h.Path == "/readyz");
    }

    [Fact]
    public void Uv_workspace_member_builds_from_the_workspace_root()
    {
        var api = Single("uv-workspace");
        Assert.Equal("services/api", api.Path);
        Assert.Equal(".", api.BuildContext);
        Assert.Equal("uv.lock", api.LockFile);
        Assert.Equal("src", api.ImportRoot);
        Assert.Equal("api.main:app", api.Entrypoint);
        Assert.Equal("3.11", api.Runtime.Version); // the default minor, which >=3.10,<3.13 allows
        Assert.Equal(">=3.10", api.Runtime.Constraint);
        Assert.Equal(["GET", "HEAD"], api.Health[0].Methods);
    }

    [Fact]
    public void App_factory_in_a_pipenv_project()
    {
        var app = Single("pipenv-app");
        Assert.Equal("pipenv", app.PackageManager);
        Assert.Equal("wsgi:create_app()", app.Entrypoint);
        Assert.Equal("3.11", app.Runtime.Version);
    }

    [Fact]
    public void Every_fact_has_evidence_with_a_file()
    {
        foreach (var fixture in new[] { "monorepo", "flask-gunicorn", "django-site", "uv-simple", "uv-workspace", "pipenv-app" })
        {
            var scan = PythonServiceDetector.Scan(RepoPaths.Fixture(fixture));
            foreach (var service in scan.Services)
            {
                Assert.Contains(service.Evidence, e => e.Fact.Contains("entrypoint", StringComparison.Ordinal) && e.Line > 0);
                Assert.Contains(service.Evidence, e => e.Fact.StartsWith("Python ", StringComparison.Ordinal));
                Assert.Contains(service.Evidence, e => e.Fact.Contains("port", StringComparison.Ordinal));
                Assert.All(service.Evidence, e => Assert.False(string.IsNullOrEmpty(e.File)));
                Assert.All(service.Env, e => Assert.Matches(@"^[\w./-]+\.py:\d+$", e.Source));
            }
        }
    }

    [Fact]
    public void Json_output_keeps_the_documented_names()
    {
        var run = BerthCli.Run("scan", RepoPaths.Fixture("flask-gunicorn"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var service = json.RootElement.GetProperty("services")[0];
        foreach (var name in new[] { "name", "path", "runtime", "framework", "entrypoint", "server", "port", "health", "env", "logFormat", "packageManager", "lockFile", "nativeLibraries", "evidence" })
            Assert.True(service.TryGetProperty(name, out _), $"missing {name}");
        foreach (var name in new[] { "language", "version", "versionSource" })
            Assert.True(service.GetProperty("runtime").TryGetProperty(name, out _), $"missing runtime.{name}");
        foreach (var name in new[] { "name", "required", "secret", "source" })
            Assert.True(service.GetProperty("env")[0].TryGetProperty(name, out _), $"missing env.{name}");
        Assert.Equal("GET", service.GetProperty("health")[0].GetProperty("methods")[0].GetString());
    }

    [Fact]
    public void A_generic_wsgi_app_is_served_by_gunicorn()
    {
        var app = Single("falcon-wsgi");
        Assert.Equal("wsgi", app.Framework);
        Assert.Equal("service:api", app.Entrypoint);
        Assert.Equal("gunicorn", app.Server);
    }
}
