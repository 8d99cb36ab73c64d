using Berth.Tests.Support;
using Berth.Verification;
using Berth.Verification.Engine;

namespace Berth.Tests.Verification;

/// <summary>The orchestration against a scripted engine: what verify asks the engine, and that it removes what it made on every way out.</summary>
public sealed class VerifyRunTests
{
    private sealed class ScriptedEngine(Func<IReadOnlyList<string>, CommandResult?> script) : ICommandRunner
    {
        public List<string> Commands { get; } = [];

        public Task<CommandResult> RunAsync(
            string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, Action<string>? onLine = null,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var command = string.Join(' ', arguments);
            lock (Commands)
                Commands.Add(command);
            return Task.FromResult(script(arguments) ?? Ok(command, ""));
        }

        public Task<CommandResult> StreamAsync(
            string fileName, IReadOnlyList<string> arguments, Func<Stream, CancellationToken, Task> consume, TimeSpan timeout, CancellationToken cancellationToken)
        {
            lock (Commands)
                Commands.Add(string.Join(' ', arguments));
            return Task.FromResult(new CommandResult("docker save", 1, "", "Error: disk full", TimeSpan.Zero, false));
        }

        public static CommandResult Ok(string command, string stdout) => new(command, 0, stdout, "", TimeSpan.FromMilliseconds(5), false);
    }

    private static CommandResult? Common(IReadOnlyList<string> arguments) => arguments[0] switch
    {
        "version" => ScriptedEngine.Ok("version", "20.10.24\n"),
        "network" => ScriptedEngine.Ok("network ls", "host\nnull\n"),
        _ => null,
    };

    private static TempTree App() => new(new Dictionary<string, string> { ["Dockerfile"] = "FROM python:3.11-slim\nCMD [\"python\"]\n" });

    [Fact]
    public async Task A_failed_build_is_reported_with_its_output_and_the_tag_is_removed()
    {
        using var app = App();
        var engine = new ScriptedEngine(a => a[0] == "build" ? new CommandResult("docker build", 1, "", "#5 ERROR: failed to solve: pip install", TimeSpan.FromSeconds(3), false) : Common(a));
        var report = await new VerifyRun(new ContainerEngine("docker", engine), SilentProgress.Instance)
            .ExecuteAsync(new VerifyOptions { AppPath = app.Root }, TestContext.Current.CancellationToken);

        Assert.False(report.Passed);
        var build = report.Checks.Single(c => c.Id == "BV101");
        Assert.Equal(CheckStatus.Fail, build.Status);
        Assert.Contains(build.Evidence, e => e.Contains("failed to solve", StringComparison.Ordinal));
        Assert.All(report.Checks.Where(c => c.Id is not ("BV101" or "BV502")), c => Assert.Equal(CheckStatus.Skip, c.Status));
        Assert.Equal(CheckStatus.Pass, report.Checks.Single(c => c.Id == "BV502").Status);
        Assert.Contains(engine.Commands, c => c.StartsWith("rmi -f berth-verify/", StringComparison.Ordinal));
        var buildCommand = engine.Commands.Single(c => c.StartsWith("build", StringComparison.Ordinal));
        Assert.Contains("--network host", buildCommand); // no bridge on this engine
        Assert.Contains("--label berth.verify.run=", buildCommand);
        Assert.Contains(report.Notes, n => n.Contains("no Python", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_engine_failure_midway_still_removes_the_built_image()
    {
        using var app = App();
        var engine = new ScriptedEngine(a => a[0] == "image" ? ScriptedEngine.Ok("inspect", "[{\"Id\":\"sha256:1\",\"Size\":5,\"Config\":{}}]") : Common(a));
        var run = new VerifyRun(new ContainerEngine("docker", engine), SilentProgress.Instance);
        var error = await Assert.ThrowsAsync<VerifyRun.EngineUnavailableException>(
            () => run.ExecuteAsync(new VerifyOptions { AppPath = app.Root }, TestContext.Current.CancellationToken));
        Assert.Contains("disk full", error.Message);
        Assert.Contains(engine.Commands, c => c.StartsWith("rmi -f berth-verify/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keep_and_given_images_are_never_removed()
    {
        using var app = App();
        var engine = new ScriptedEngine(a => a[0] == "image" ? ScriptedEngine.Ok("inspect", "[{\"Id\":\"sha256:1\",\"Size\":5,\"Config\":{}}]") : Common(a));
        var run = new VerifyRun(new ContainerEngine("docker", engine), SilentProgress.Instance);
        await Assert.ThrowsAsync<VerifyRun.EngineUnavailableException>(
            () => run.ExecuteAsync(new VerifyOptions { Image = "mine:1" }, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(engine.Commands, c => c.StartsWith("rmi", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Commands, c => c.StartsWith("build", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_engine_is_an_input_error_before_anything_is_built()
    {
        using var app = App();
        var engine = new ScriptedEngine(a => new CommandResult("docker " + a[0], 1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock", TimeSpan.Zero, false));
        var run = new VerifyRun(new ContainerEngine("docker", engine), SilentProgress.Instance);
        var error = await Assert.ThrowsAsync<VerifyRun.EngineUnavailableException>(
            () => run.ExecuteAsync(new VerifyOptions { AppPath = app.Root }, TestContext.Current.CancellationToken));
        Assert.Contains("Cannot connect", error.Message);
        // The network list is asked beside the version (read-only); nothing else reaches the engine.
        Assert.Equal(["network ls --format {{.Driver}}", "version --format {{.Server.Version}}"], engine.Commands.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_folder_without_a_dockerfile_is_an_input_error_naming_berth_init()
    {
        using var app = new TempTree(new Dictionary<string, string> { ["README"] = "x" });
        var run = new VerifyRun(new ContainerEngine("docker", new ScriptedEngine(Common)), SilentProgress.Instance);
        var error = await Assert.ThrowsAsync<Berth.InputException>(
            () => run.ExecuteAsync(new VerifyOptions { AppPath = app.Root }, TestContext.Current.CancellationToken));
        Assert.Contains("berth init", error.Message);
    }

    [Theory]
    [InlineData("Notes API", "notes-api")]
    [InlineData("--weird__", "weird")]
    [InlineData("!!!", "app")]
    public void Tag_names_are_valid_image_tags(string name, string tag) => Assert.Equal(tag, VerifyRun.TagName(name));
}
