using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>
/// The flask-config-selector fixture (flasky's pattern: <c>create_app(os.getenv("FLASK_CONFIG") or "default")</c>, "default" mapped to
/// DevelopmentConfig) built for real: the image runs ProductionConfig without anything set at run time, and the variable still wins
/// when the deployment gives another value.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class ConfigSelectorImageTests
{
    private const string Probe = "import os, wsgi; print(os.environ.get('FLASK_CONFIG'), wsgi.app.config['GREETING'], wsgi.app.config['DEBUG'])";

    [Fact]
    public async Task The_image_runs_the_production_configuration_unless_the_deployment_chooses_another()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create("berth-e2e-config-selector-");
        var app = Path.Combine(scratch.Path, "flask-config-selector");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, "flask-config-selector"), app);

        var init = await BerthRun.InvokeAsync(["init", app, "--no-compose", "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, "berth init failed:\n" + init.Describe());
        var dockerfile = File.ReadAllText(Path.Combine(app, "Dockerfile"));
        Assert.Contains("FLASK_CONFIG=production", dockerfile);

        await using var image = new ImageLease(engine, "berth-e2e-config-selector:test");
        var build = await engine.BuildAsync(app, image.Tag, cancellationToken);
        Assert.True(build.Succeeded, $"docker build failed:\n{build.Describe(80)}\n--- Dockerfile ---\n{dockerfile}");

        var production = await engine.RunAsync(["run", "--rm", "--network", "none", "--entrypoint", "python", image.Tag, "-c", Probe], cancellationToken);
        Assert.True(production.Succeeded, "the probe failed in the image:\n" + production.Describe());
        Assert.Equal("production hello from production False", production.StandardOutput.Trim());

        var chosen = await engine.RunAsync(["run", "--rm", "--network", "none", "-e", "FLASK_CONFIG=default", "--entrypoint", "python", image.Tag, "-c", Probe], cancellationToken);
        Assert.True(chosen.Succeeded, "the probe failed in the image:\n" + chosen.Describe());
        Assert.Equal("default hello from development True", chosen.StandardOutput.Trim());
    }
}
