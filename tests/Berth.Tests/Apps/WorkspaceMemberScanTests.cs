using System.Text.Json;
using Berth.Apps;
using Berth.Tests.Support;

namespace Berth.Tests.Apps;

/// <summary>
/// Scanning a workspace member's folder and scanning its repository root give the same profile (fastapi/full-stack-fastapi-template:
/// <c>berth scan backend</c> said pip without a lock, from the root it said uv with the root's uv.lock).
/// </summary>
public sealed class WorkspaceMemberScanTests
{
    private static TempTree Repository() => new(new Dictionary<string, string>
    {
        [".git/HEAD"] = "ref: refs/heads/main\n",
        ["pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"backend\"]\n",
        ["uv.lock"] = "version = 1\nrequires-python = \">=3.12\"\n\n[manifest]\nmembers = [\"app\"]\n",
        [".python-version"] = "3.12\n",
        ["backend/pyproject.toml"] = "[project]\nname = \"app\"\nversion = \"1\"\nrequires-python = \">=3.10\"\ndependencies = [\"fastapi\", \"uvicorn\"]\n",
        ["backend/app/main.py"] = "import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\nDB = os.environ[\"DATABASE_URL\"]\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
    });

    [Fact]
    public void A_member_folder_is_scanned_from_its_workspace_root_and_agrees_with_the_root_scan()
    {
        using var tree = Repository();
        var fromRoot = Assert.Single(RepositoryScanner.ScanFromWorkspace(tree.Root).Services);
        var member = RepositoryScanner.ScanFromWorkspace(tree.PathOf("backend"));
        var fromMember = Assert.Single(member.Services);
        Assert.Equal("backend", member.Member);
        Assert.Equal(Path.GetFullPath(tree.Root), Path.GetFullPath(member.Root));
        Assert.Equal(Serialize(fromRoot), Serialize(fromMember));
        Assert.Equal("uv", fromMember.PackageManager);
        Assert.Equal("uv.lock", fromMember.LockFile);
        Assert.Equal("3.12", fromMember.Runtime.Version);
        Assert.Contains(member.Notes, n => n.StartsWith("backend is a member of the workspace at ..", StringComparison.Ordinal));
        Assert.Equal(Path.GetFullPath(tree.Root), Path.GetFullPath(member.ShownRoot(tree.PathOf("backend"))));
    }

    [Fact]
    public void Without_a_workspace_above_the_folder_is_scanned_on_its_own()
    {
        using var tree = Repository();
        File.WriteAllText(tree.PathOf("pyproject.toml"), "[tool.ruff]\nline-length = 100\n");
        var member = RepositoryScanner.ScanFromWorkspace(tree.PathOf("backend"));
        Assert.Null(member.Member);
        Assert.Equal("pip", Assert.Single(member.Services).PackageManager);
    }

    [Fact]
    public void The_search_stops_at_the_repository_boundary()
    {
        using var tree = Repository();
        Directory.CreateDirectory(tree.PathOf("backend/.git"));
        Assert.Null(RepositoryScanner.ScanFromWorkspace(tree.PathOf("backend")).Member);
    }

    [Fact]
    public void Init_on_a_member_writes_its_dockerfile_in_its_folder_and_nothing_at_the_workspace_root()
    {
        using var tree = Repository();
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.PathOf("backend"));
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var written = tree.Files().Except(before).ToList();
        Assert.All(written, f => Assert.StartsWith("backend/", f, StringComparison.Ordinal));
        Assert.Contains("backend/Dockerfile", written);
        Assert.Contains("uv.lock", File.ReadAllText(tree.PathOf("backend/Dockerfile")), StringComparison.Ordinal);
        Assert.Contains("compose.yaml and k8s/ belong at the workspace root", run.Stderr, StringComparison.Ordinal);
    }

    private static string Serialize(ServiceProfile profile) =>
        JsonSerializer.Serialize(new Berth.Reporting.ScanReport(".", [profile], [], []), Berth.Reporting.BerthJsonContext.Readable.ScanReport);
}
