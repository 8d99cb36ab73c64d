using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>A uv workspace member's Dockerfile installs the dependencies from the manifests alone, before any source file is copied.</summary>
public sealed class WorkspaceMemberDockerfileTests
{
    private static TempTree Workspace() => new(new Dictionary<string, string>
    {
        ["pyproject.toml"] = "[project]\nname = \"platform\"\nversion = \"0\"\nrequires-python = \">=3.11\"\n\n" +
                             "[tool.uv.workspace]\nmembers = [\"packages/*\", \"services/api\"]\nexclude = [\"packages/legacy\"]\n",
        ["uv.lock"] = "version = 1\nrequires-python = \">=3.11\"\n\n[manifest]\nmembers = [\"api\", \"a\", \"platform\"]\n",
        ["packages/a/pyproject.toml"] = "[project]\nname = \"a\"\nversion = \"1\"\n",
        ["packages/a/src/a/__init__.py"] = "",
        ["packages/legacy/pyproject.toml"] = "[project]\nname = \"legacy\"\nversion = \"1\"\n",
        ["packages/notes/README.md"] = "not a member: no pyproject.toml\n",
        ["services/api/pyproject.toml"] = "[project]\nname = \"api\"\nversion = \"1\"\ndependencies = [\"fastapi\", \"uvicorn\", \"a\"]\n\n[tool.uv.sources]\na = { workspace = true }\n",
        ["services/api/main.py"] = "from fastapi import FastAPI\napp = FastAPI()\n",
    });

    [Fact]
    public void Members_are_the_folders_the_globs_take_in_that_hold_a_pyproject_less_the_excluded()
    {
        using var tree = Workspace();
        var service = Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
        Assert.Equal(".", service.WorkspaceRoot);
        Assert.Equal(["packages/a", "services/api"], service.WorkspaceMembers);
    }

    [Fact]
    public void Dependencies_install_from_the_lock_and_every_member_manifest_before_the_sources_arrive()
    {
        using var tree = Workspace();
        using var output = new TempTree();
        var run = BerthCli.Run("init", tree.Root, "--out", output.Root);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var lines = File.ReadAllLines(output.PathOf("services/api/Dockerfile"));
        int Line(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));

        var dependencies = Line("uv sync --locked --no-dev --no-install-workspace --package api");
        var sources = Line("COPY . .");
        var members = Line("uv sync --locked --no-dev --no-editable --package api");
        Assert.True(dependencies > 0 && dependencies < sources && sources < members, string.Join('\n', lines));
        var before = lines[..dependencies];
        Assert.Contains("COPY pyproject.toml uv.lock ./", before);
        Assert.Contains("COPY packages/a/pyproject.toml packages/a/", before);
        Assert.Contains("COPY services/api/pyproject.toml services/api/", before);
        Assert.DoesNotContain(before, l => l.Contains("legacy", StringComparison.Ordinal) || l.Contains("notes", StringComparison.Ordinal));
        Assert.Contains("the pyproject.toml of all 2 members first", run.Stdout);
    }
}
