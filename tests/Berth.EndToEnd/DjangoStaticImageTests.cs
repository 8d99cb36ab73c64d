using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>
/// The django-static fixture (settings/base.py + production.py, STATIC_ROOT, MEDIA_ROOT) built for real: collectstatic runs in the
/// builder with placeholder values for the required variables, the collected file is in the runtime at STATIC_ROOT owned by root,
/// the runtime runs with the production settings and MEDIA_ROOT is owned by the service user (with a read-only root filesystem, compose
/// and Kubernetes mount a tmpfs or emptyDir there: their own tests).
/// The testbed's package index has no whitenoise, so the copy drops it (requirements.txt and the MIDDLEWARE insert): the image then
/// takes the "nothing serves STATIC_URL" path; WhiteNoise itself is covered by the golden files only.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class DjangoStaticImageTests
{
    private const string Probe =
        "import os, sys; s = os.stat('/app/staticfiles/site.css'); " +
        "print(os.environ['DJANGO_SETTINGS_MODULE'], s.st_uid, os.access('/app/staticfiles', os.W_OK), os.access('/app/media', os.W_OK))";

    [Theory]
    [InlineData("slim", "python")]
    [InlineData("distroless", "/opt/venv/bin/python")]
    public async Task Collectstatic_runs_in_the_builder_and_the_runtime_has_the_files_and_the_production_settings(string runtime, string python)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create($"berth-e2e-django-static-{runtime}-");
        var app = Path.Combine(scratch.Path, "django-static");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, "django-static"), app);
        foreach (var file in new[] { "requirements.txt", Path.Combine("shop", "settings", "production.py") })
        {
            var path = Path.Combine(app, file);
            File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.Contains("whitenoise", StringComparison.Ordinal)));
        }

        var init = await BerthRun.InvokeAsync(["init", app, "--runtime", runtime, "--no-compose", "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, "berth init failed:\n" + init.Describe());
        var dockerfile = File.ReadAllText(Path.Combine(app, "Dockerfile"));
        Assert.Contains("python manage.py collectstatic --noinput", dockerfile);
        Assert.Contains("DJANGO_SECRET_KEY=collectstatic-placeholder", dockerfile);
        Assert.Contains("a web server or CDN must serve STATIC_URL /static/", init.StandardOutput);

        await using var image = new ImageLease(engine, $"berth-e2e-django-static-{runtime}:test");
        var build = await engine.BuildAsync(app, image.Tag, cancellationToken);
        Assert.True(build.Succeeded, $"docker build failed:\n{build.Describe(80)}\n--- Dockerfile ---\n{dockerfile}");

        var probe = await engine.RunAsync(["run", "--rm", "--network", "none", "--entrypoint", python, image.Tag, "-c", Probe], cancellationToken);
        Assert.True(probe.Succeeded, "the probe failed in the image:\n" + probe.Describe());
        // production settings; site.css collected and owned by root, the folder read-only to the service user; MEDIA_ROOT writable by it
        Assert.Equal("shop.settings.production 0 False True", probe.StandardOutput.Trim());
    }
}
