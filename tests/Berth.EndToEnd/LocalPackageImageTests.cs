using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>
/// The root-reqs-subpackage fixture (the shape of cosmicpython/code: root requirements.txt, the package in src/ with its own setup.py,
/// the repository's Dockerfile installing both) built for real from an --out Dockerfile: the image has the requirements' packages and the
/// local package, and imports the app's code from /app/src. The fixture's Dockerfile states Python 3.10; the testbed has 3.11 only, so
/// the build passes PYTHON_VERSION=3.11 (and the index's gunicorn when it lacks Berth's pin).
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class LocalPackageImageTests
{
    private const string Probe =
        "import flask, gunicorn, importlib.metadata as m, shelf.books; print(m.version('shelf'), shelf.books.__file__)";

    [Fact]
    public async Task The_root_requirements_and_the_sub_package_the_repositorys_dockerfile_installs_are_both_in_the_image()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create("berth-e2e-local-package-");
        var app = Path.Combine(scratch.Path, "shelf");
        var output = Path.Combine(scratch.Path, "out");
        DirectoryCopy.Copy(Path.Combine(RepositoryLayout.UnitFixturesDirectory, "root-reqs-subpackage"), app);

        var init = await BerthRun.InvokeAsync(["init", app, "--out", output, "--no-compose", "--k8s", "none"], cancellationToken);
        Assert.True(init.ExitCode == 0, "berth init failed:\n" + init.Describe());
        var dockerfile = File.ReadAllText(Path.Combine(output, "Dockerfile"));
        Assert.Contains("pip install -r requirements.txt ./src", dockerfile);

        var (pins, _) = await LocalPackageIndex.ServerPinsAsync(["gunicorn"], _ => { }, cancellationToken);
        var arguments = new Dictionary<string, string>(pins, StringComparer.Ordinal) { ["PYTHON_VERSION"] = "3.11" };
        await using var image = new ImageLease(engine, "berth-e2e-local-package:test");
        var build = await engine.BuildAsync(app, image.Tag, arguments, cancellationToken, dockerfile: Path.Combine(output, "Dockerfile"));
        Assert.True(build.Succeeded, $"docker build failed:\n{build.Describe(80)}\n--- Dockerfile ---\n{dockerfile}");

        var probe = await engine.RunAsync(["run", "--rm", "--network", "none", "--read-only", "--entrypoint", "python", image.Tag, "-c", Probe], cancellationToken);
        Assert.True(probe.Succeeded, "the probe failed in the image:\n" + probe.Describe());
        Assert.Equal("0.1 /app/src/shelf/books.py", probe.StandardOutput.Trim());
    }
}
