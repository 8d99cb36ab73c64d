using System.Text.RegularExpressions;
using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>
/// The generated Dockerfile of a uv workspace member, built for real up to its builder stage with a uv stand-in (the testbed has no
/// uv; the stand-in records what each <c>uv sync</c> sees): the dependency sync sees only uv.lock and every member's pyproject.toml,
/// the final sync sees the sources, and after a source edit the dependency sync comes from the build cache while the final one re-runs.
/// What uv itself accepts is uv's documented contract (--locked needs every member's pyproject.toml), not proven here.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed partial class WorkspaceMemberLayerTests
{
    private const string StandinTag = "berth-e2e-uv-standin:test";
    private const string BuilderTag = "berth-e2e-uv-workspace-builder:test";

    [Fact]
    public async Task Dependency_sync_sees_only_the_manifests_and_survives_a_source_edit_in_the_cache()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        using var scratch = TempDirectory.Create("berth-e2e-uv-workspace-");
        var workspace = Path.Combine(scratch.Path, "platform");
        DirectoryCopy.Copy(RepositoryLayout.UvWorkspaceFixtureDirectory, workspace);
        var init = await BerthRun.InvokeAsync(["init", workspace], cancellationToken);
        Assert.True(init.ExitCode == 0, "berth init failed:\n" + init.Describe());
        var dockerfile = Path.Combine(workspace, "services", "api", "Dockerfile");
        Assert.True(File.Exists(dockerfile), "init wrote no services/api/Dockerfile:\n" + init.Describe());
        string Generated() => "--- services/api/Dockerfile ---\n" + File.ReadAllText(dockerfile);

        await using var standin = new ImageLease(engine, StandinTag);
        var standinBuild = await engine.BuildAsync(RepositoryLayout.UvStandinDirectory, standin.Tag, cancellationToken);
        Assert.True(standinBuild.Succeeded, "building the uv stand-in failed:\n" + standinBuild.Describe(40));

        await using var builder = new ImageLease(engine, BuilderTag);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["UV_IMAGE"] = standin.Tag };
        var first = await engine.BuildAsync(workspace, builder.Tag, arguments, cancellationToken, dockerfile, "builder");
        Assert.True(first.Succeeded, $"docker build failed:\n{first.Describe(80)}\n{Generated()}");

        var log = await engine.RunAsync(["run", "--rm", "--network", "none", "--entrypoint", "cat", builder.Tag, "/opt/venv/uv-standin.log"], cancellationToken);
        Assert.True(log.Succeeded, "cannot read the stand-in's log:\n" + log.Describe());
        var syncs = Syncs(log.StandardOutput);
        Assert.True(syncs.Count == 2, $"expected two uv sync steps, saw:\n{log.StandardOutput}\n{Generated()}");
        Assert.Contains("--no-install-workspace", syncs[0].Command);
        Assert.Equal(["./libs/common/pyproject.toml", "./pyproject.toml", "./services/api/pyproject.toml", "./uv.lock"], syncs[0].Files);
        Assert.Contains("--no-editable", syncs[1].Command);
        Assert.Contains("./services/api/src/api/main.py", syncs[1].Files);
        Assert.Contains("./libs/common/src/common/__init__.py", syncs[1].Files);

        // A source edit (unique, so no earlier run's cache can hold it): the dependency layer must come from the cache.
        File.AppendAllText(Path.Combine(workspace, "services", "api", "src", "api", "main.py"), $"# edited {Guid.NewGuid():N}\n");
        var second = await engine.BuildAsync(workspace, builder.Tag, arguments, cancellationToken, dockerfile, "builder");
        Assert.True(second.Succeeded, $"second docker build failed:\n{second.Describe(80)}");
        var output = second.StandardError + second.StandardOutput;
        Assert.True(StepCached(output, "--no-install-workspace"), "the dependency sync re-ran after a source edit:\n" + output);
        Assert.False(StepCached(output, "--no-editable"), "the final sync came from the cache although a source changed:\n" + output);
    }

    private sealed record Sync(string Command, IReadOnlyList<string> Files);

    private static List<Sync> Syncs(string log)
    {
        var syncs = new List<Sync>();
        foreach (var block in log.Split("== ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            syncs.Add(new Sync(lines[0], lines.Skip(1).ToList()));
        }
        return syncs;
    }

    /// <summary>Whether BuildKit's plain progress shows the RUN step whose command contains <paramref name="marker"/> as CACHED.</summary>
    private static bool StepCached(string output, string marker)
    {
        var step = StepHeader().Matches(output).FirstOrDefault(m => m.Value.Contains(marker, StringComparison.Ordinal));
        Assert.True(step is not null, $"no RUN step with {marker} in the build output:\n{output}");
        return output.Split('\n').Any(l => l.TrimEnd() == $"#{step!.Groups[1].Value} CACHED");
    }

    [GeneratedRegex(@"^#(\d+) \[[^\]]*\] RUN [^\n]*", RegexOptions.Multiline)]
    private static partial Regex StepHeader();
}
