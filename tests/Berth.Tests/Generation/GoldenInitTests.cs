using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>
/// scan → init on every fixture app and example, for both runtimes, compared byte for byte with the reviewed golden files.
/// The sources are copied to src/APP of a temporary tree (the folder name is the service name) and the files written to out/
/// beside them, so the build context each Dockerfile names from its own folder (../src/APP for a service at the root) is the same
/// on every machine.
/// The per-service files only (--no-compose): compose.yaml names paths relative to where --out puts it, and has its own golden tests (ComposeGoldenTests).
/// The Kubernetes trees (--k8s) have their own golden tests (Generation/Kubernetes/KubernetesInitTests).
/// </summary>
public sealed class GoldenInitTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "fixture", "flask-gunicorn", "slim" },
        { "fixture", "django-site", "slim" },
        { "fixture", "django-site", "distroless" },
        { "fixture", "django-static", "slim" },
        { "fixture", "django-static", "distroless" },
        { "fixture", "uv-simple", "slim" },
        { "fixture", "uv-workspace", "slim" },
        { "fixture", "uv-workspace", "distroless" },
        { "fixture", "monorepo", "slim" },
        { "fixture", "pipenv-app", "slim" },
        { "fixture", "flask-factory", "slim" },
        { "fixture", "fastapi-settings-prefix", "slim" },
        { "fixture", "fastapi-standard", "slim" },
        { "fixture", "pip-includes", "slim" },
        { "fixture", "pip-includes", "distroless" },
        { "fixture", "uv-path-source", "slim" },
        { "fixture", "uv-source-build", "slim" },
        { "fixture", "json-logs-gunicorn", "slim" },
        { "fixture", "json-logs-gunicorn", "distroless" },
        { "fixture", "json-logs-uvicorn", "slim" },
        { "fixture", "json-logs-uvicorn", "distroless" },
        // Python 3.13 on distroless: python3-debian13 and a debian:13-slim builder. Golden only: the offline testbed has bookworm images alone.
        { "fixture", "py313-api", "slim" },
        { "fixture", "py313-api", "distroless" },
        { "fixture", "low-port-api", "slim" },
        { "fixture", "stated-flags-procfile", "slim" },
        { "fixture", "stated-flags-fastapi-run", "slim" },
        { "fixture", "stated-flags-gunicorn-conf", "slim" },
        { "fixture", "stated-flags-uvicorn", "slim" },
        { "fixture", "stated-flags-uvicorn", "distroless" },
        { "fixture", "flask-config-selector", "slim" },
        { "fixture", "fastapi-env-settings", "slim" },
        // a backend that serves a frontend another package builds: a Node stage in the backend's image
        { "fixture", "fastapi-spa", "slim" },
        { "fixture", "fastapi-spa", "distroless" },
        { "fixture", "flask-spa", "slim" },
        { "fixture", "root-reqs-subpackage", "slim" },
        { "fixture", "django-environ-whitenoise", "slim" },
        { "fixture", "writable-journal", "slim" },
        { "example", "notes-api", "slim" },
        { "example", "notes-api", "distroless" },
        { "example", "inventory-service", "slim" },
        { "example", "inventory-service", "distroless" },
        { "example", "next-web", "slim" },
        { "example", "next-web", "distroless" },
        { "example", "express-api", "slim" },
        { "example", "express-api", "distroless" },
        { "example", "vite-spa", "slim" },
        { "example", "vite-spa", "distroless" },
        { "example", "nest-api", "slim" },
        { "example", "nest-api", "distroless" },
        { "example", "chat-platform", "slim" },
        { "fixture", "node-workspace", "slim" },
        { "fixture", "next-pages", "slim" },
        { "fixture", "next-pages", "distroless" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_files_match_the_golden_files(string kind, string app, string runtime)
    {
        using var tree = TempTree.CopyOf(kind == "example" ? RepoPaths.Example(app) : RepoPaths.Fixture(app), "src/" + app);
        var run = BerthCli.Run("init", "--k8s", "none", tree.PathOf("src/" + app), "--out", tree.PathOf("out"), "--runtime", runtime, "--no-compose");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder($"{app}/{runtime}", tree.PathOf("out"));
    }

    [Fact]
    public void Poetry_lock_installed_with_pip_matches_the_golden_file()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Example("inventory-service"), "src/inventory-service");
        var run = BerthCli.Run("init", "--k8s", "none", tree.PathOf("src/inventory-service"), "--out", tree.PathOf("out"), "--runtime", "distroless", "--installer", "pip", "--no-compose");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder("inventory-service/distroless-pip", tree.PathOf("out"));
    }

    [Fact]
    public void Gunicorn_with_a_worker_count_matches_the_golden_file()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Example("notes-api"), "src/notes-api");
        var run = BerthCli.Run("init", "--k8s", "none", tree.PathOf("src/notes-api"), "--out", tree.PathOf("out"), "--server", "gunicorn", "--workers", "4", "--no-compose");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder("notes-api/slim-gunicorn", tree.PathOf("out"));
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        using var first = new TempTree();
        using var second = new TempTree();
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Fixture("monorepo"), "--out", first.Root, "--no-compose").ExitCode);
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Fixture("monorepo"), "--out", second.Root, "--no-compose").ExitCode);
        Assert.Equal(first.Files(), second.Files());
        foreach (var file in first.Files())
            Assert.Equal(File.ReadAllBytes(first.PathOf(file)), File.ReadAllBytes(second.PathOf(file)));
    }
}
