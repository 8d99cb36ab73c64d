using Berth.Generation.Python;
using Berth.Generation;
using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>A server Berth adds is installed at an exact version: the project's lock's when it pins one, otherwise Berth's table's.</summary>
public sealed class ServerPackagePinTests
{
    private static readonly Dictionary<string, string> NoLock = new(StringComparer.Ordinal);

    [Theory]
    [InlineData("gunicorn", "GUNICORN_VERSION")]
    [InlineData("uvicorn", "UVICORN_VERSION")]
    public void Table_pins_are_exact_releases_carried_by_a_build_argument(string package, string argument)
    {
        var pin = ServerPackagePins.For(package, null, NoLock);
        Assert.Matches(@"^\d+\.\d+\.\d+$", pin.Version);
        Assert.Equal(argument, pin.BuildArgument);
        Assert.Equal($"\"{package}==${{{argument}}}\"", pin.Requirement);
        Assert.Contains("--build-arg " + argument, pin.Source);
    }

    [Fact]
    public void A_version_the_lock_pins_wins_over_the_table()
    {
        var pin = ServerPackagePins.For("uvicorn", "poetry.lock", new Dictionary<string, string>(StringComparer.Ordinal) { ["uvicorn"] = "0.30.6" });
        Assert.Equal("uvicorn==0.30.6", pin.Requirement);
        Assert.Null(pin.BuildArgument);
        Assert.Equal("pinned in poetry.lock", pin.Source);
    }

    [Fact]
    public void A_package_outside_the_table_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerPackagePins.For("hypercorn", null, NoLock));
    }

    [Fact]
    public void No_install_line_names_a_server_without_its_version()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root, "--server", "gunicorn");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var dockerfile = File.ReadAllText(output.PathOf("Dockerfile"));
        var pin = ServerPackagePins.For("gunicorn", null, NoLock);
        Assert.Contains($"ARG GUNICORN_VERSION={pin.Version}\n", dockerfile);
        Assert.Contains("pip install -r requirements.txt \"gunicorn==${GUNICORN_VERSION}\"\n", dockerfile);
        Assert.DoesNotMatch(@"install[^\n]* gunicorn(\s|$)", dockerfile);
    }

    [Fact]
    public void A_server_the_lock_brings_through_an_extra_is_not_installed_again()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[tool.poetry]\nname = \"svc\"\nversion = \"1\"\n\n[tool.poetry.dependencies]\npython = \"~3.11\"\nfastapi = {version = \"*\", extras = [\"standard\"]}\n",
            ["poetry.lock"] = "[[package]]\nname = \"fastapi\"\nversion = \"0.115.0\"\noptional = false\npython-versions = \">=3.8\"\ngroups = [\"main\"]\n\n" +
                              "[[package]]\nname = \"Uvicorn\"\nversion = \"0.30.6\"\noptional = false\npython-versions = \">=3.8\"\ngroups = [\"main\"]\n",
            ["main.py"] = "from fastapi import FastAPI\napp = FastAPI()\n",
        });
        using var output = new TempTree();
        var run = BerthCli.Run("init", tree.Root, "--out", output.Root);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var dockerfile = File.ReadAllText(output.PathOf("Dockerfile"));
        Assert.DoesNotContain("uvicorn==", dockerfile);
        Assert.DoesNotContain("UVICORN_VERSION", dockerfile);
        Assert.Contains("uvicorn (the server) is not installed on top: fastapi[standard] (pyproject.toml:7) already brings it", run.Stdout);
    }
}
