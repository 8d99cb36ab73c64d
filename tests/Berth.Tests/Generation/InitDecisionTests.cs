using Berth.Generation.Python;
using Berth.Generation;
using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>The plan init prints: each decision that changes the image says why.</summary>
public sealed class InitDecisionTests
{
    [Fact]
    public void Workspace_member_syncs_from_the_root()
    {
        var run = BerthCli.Run("init", RepoPaths.Fixture("uv-workspace"), "--runtime", "distroless", "--dry-run");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--package api from the workspace root", run.Stdout);
    }

    [Fact]
    public void A_range_without_the_default_minor_gets_the_newest_it_allows()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[project]\nname = \"svc\"\nversion = \"1\"\nrequires-python = \">=3.12\"\ndependencies = [\"fastapi\", \"uvicorn\"]\n",
            ["main.py"] = "from fastapi import FastAPI\napp = FastAPI()\n",
        });
        var slim = BerthCli.Run("init", tree.Root, "--dry-run");
        Assert.Equal(0, slim.ExitCode);
        Assert.Contains("builder and runtime both python:3.14-slim", slim.Stdout);
        var distroless = BerthCli.Run("init", tree.Root, "--dry-run", "--runtime", "distroless");
        Assert.Equal(2, distroless.ExitCode);
        Assert.Contains("pyproject.toml:4: ", distroless.Stderr);
    }

    [Fact]
    public void Python_3_13_runs_on_distroless_debian13_and_3_12_is_refused_naming_both_runtimes()
    {
        var accepted = BerthCli.Run("init", RepoPaths.Fixture("py313-api"), "--runtime", "distroless", "--dry-run");
        Assert.True(accepted.ExitCode == 0, accepted.Stderr);
        Assert.Contains("runtime gcr.io/distroless/python3-debian13:nonroot", accepted.Stdout);
        Assert.Contains("built in debian:13-slim with Debian's python3.13-venv so its interpreter link (/usr/bin/python3.13) exists", accepted.Stdout);

        using var tree = new TempTree(new Dictionary<string, string>
        {
            [".python-version"] = "3.12\n",
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["main.py"] = "from fastapi import FastAPI\napp = FastAPI()\n",
        });
        var refused = BerthCli.Run("init", tree.Root, "--dry-run", "--runtime", "distroless");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(".python-version:1: ", refused.Stderr);
        Assert.Contains("ship Python 3.11 (gcr.io/distroless/python3-debian12:nonroot) or 3.13 (gcr.io/distroless/python3-debian13:nonroot), but the project asks for Python 3.12", refused.Stderr);
    }

    [Fact]
    public void A_server_the_project_does_not_depend_on_is_installed_and_said()
    {
        var run = BerthCli.Run("init", RepoPaths.Fixture("monorepo"), "--server", "gunicorn", "--dry-run");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"installs gunicorn=={ServerPackagePins.For("gunicorn", null, new Dictionary<string, string>()).Version} on top of the locked dependencies", run.Stdout);
        Assert.Contains("Berth's known-good pin", run.Stdout);
        Assert.Contains("because:", run.Stdout);
        Assert.Matches(@"backend/app/main\.py:\d+  fastapi app 'app' → entrypoint app\.main:app", run.Stdout);
    }

    [Fact]
    public void Native_build_packages_stay_in_the_builder_and_runtime_libraries_in_the_runtime()
    {
        using var output = new TempTree();
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Fixture("flask-gunicorn"), "--out", output.Root).ExitCode);
        var dockerfile = File.ReadAllText(output.PathOf("Dockerfile"));
        var runtimeStart = dockerfile.IndexOf("AS runtime", StringComparison.Ordinal);
        var builder = dockerfile[..runtimeStart];
        var runtime = dockerfile[runtimeStart..];
        Assert.Contains("libpq-dev", builder);
        Assert.Contains("gcc", builder);
        Assert.DoesNotContain("libpq-dev", runtime);
        Assert.DoesNotContain("gcc", runtime);
        Assert.Contains("libpq5", runtime);
    }

    [Fact]
    public void Fastapi_health_without_head_is_reported()
    {
        var run = BerthCli.Run("scan", RepoPaths.Example("inventory-service"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("/healthz does not answer HEAD", run.Stdout);
    }
}
