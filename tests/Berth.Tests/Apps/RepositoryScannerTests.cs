using Berth.Apps;
using Berth.Tests.Support;

namespace Berth.Tests.Apps;

public sealed class RepositoryScannerTests
{
    private const string App = "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n";

    [Fact]
    public void Services_that_would_share_a_name_are_named_after_their_folders()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["shop/api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["shop/api/main.py"] = App,
            ["admin/api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["admin/api/main.py"] = App,
            ["web/requirements.txt"] = "fastapi\nuvicorn\n",
            ["web/main.py"] = App,
        });
        var scan = RepositoryScanner.Scan(tree.Root);
        Assert.Equal(["admin-api", "shop-api", "web"], scan.Services.Select(s => s.Name));
        Assert.Contains(scan.Notes, n => n.Contains("shop/api: named 'shop-api'", StringComparison.Ordinal));
    }

    [Fact]
    public void Init_writes_compose_for_services_that_shared_a_name()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["shop/api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["shop/api/main.py"] = App,
            ["admin/api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["admin/api/main.py"] = App,
        });
        var run = BerthCli.Run("init", tree.Root, "--k8s", "none");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var compose = File.ReadAllText(tree.PathOf("compose.yaml"));
        Assert.Contains("  shop-api:", compose);
        Assert.Contains("  admin-api:", compose);
    }
}
