using Berth.Generation;
using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>An app that states a port below 1024: the non-root server binds port + 8000, and compose keeps the app's port outside.</summary>
public sealed class UnprivilegedPortTests
{
    [Theory]
    [InlineData(80, 8080)]
    [InlineData(443, 8443)]
    [InlineData(1023, 9023)]
    [InlineData(1024, 1024)]
    [InlineData(8000, 8000)]
    public void Ports_below_1024_move_up_by_8000(int stated, int listen) => Assert.Equal(listen, UnprivilegedPort.For(stated));

    [Fact]
    public void The_server_binds_8080_and_compose_publishes_the_apps_port_80_on_it()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Fixture("low-port-api"));
        var run = BerthCli.Run("init", tree.Root, "--k8s", "kustomize");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Contains("port 80 (Procfile:1) is below 1024", run.Stdout);
        Assert.Contains("the server binds 8080 (80 + 8000) with its own flag", run.Stdout);
        var dockerfile = File.ReadAllText(tree.PathOf("Dockerfile"));
        Assert.Contains("\"--bind\", \"0.0.0.0:8080\"", dockerfile);
        Assert.Contains("EXPOSE 8080\n", dockerfile);
        Assert.Contains("urlopen('http://127.0.0.1:8080/healthz'", dockerfile);
        Assert.DoesNotContain(":80\"", dockerfile);
        Assert.Contains("- \"127.0.0.1:80:8080\"\n", File.ReadAllText(tree.PathOf("compose.yaml")));

        // Lint knows the move: the Dockerfile's 8080 and the pod's port and probes are the app's port 80, moved.
        var lint = BerthCli.Run("lint", tree.Root);
        Assert.DoesNotContain("BAP001", lint.Stdout);
        Assert.DoesNotContain("BK8702", lint.Stdout);
        Assert.Contains("containerPort: 8080", File.ReadAllText(Directory.GetFiles(tree.PathOf("k8s/base"), "deployment.yaml", SearchOption.AllDirectories).Single()));
    }

    [Fact]
    public void Lint_still_flags_another_port()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Fixture("low-port-api"));
        File.WriteAllText(tree.PathOf("Dockerfile"), "FROM python:3.11-slim\nUSER 10001\nEXPOSE 9000\nCMD [\"gunicorn\", \"app:app\", \"--bind\", \"0.0.0.0:9000\"]\n");
        var lint = BerthCli.Run("lint", tree.Root);
        Assert.Contains("EXPOSE 9000, but the app listens on 80", lint.Stdout);
        Assert.Contains("binds port 9000, but the app's port is 80", lint.Stdout);
    }
}
