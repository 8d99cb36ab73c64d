namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF209: <c>pip install</c> without <c>--no-cache-dir</c> in a stage that reaches the final image. Accepts <c>ENV PIP_NO_CACHE_DIR</c>,
/// a <c>PIP_NO_CACHE_DIR=</c> assignment, and a cache mount on the pip cache.
/// </summary>
public sealed class PipCacheKept : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF209", "pip-cache-kept", Severity.Warning,
        "pip install keeps its download cache in a layer of the final image", ["DL3042"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        foreach (var (stage, run, command) in RunCommands.All(context))
        {
            if (!shipped.Contains(stage) || PipInstall.Read(command) is not { } pip || pip.Has("--no-cache-dir"))
                continue;
            if (command.Assignments.Any(a => a.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal))
                || RunCommands.EnvBefore(context, stage, run, "PIP_NO_CACHE_DIR") is { Length: > 0 }
                || RunCommands.ConfiguredEarlier(context, run, "global.no-cache-dir")
                || RunCommands.HasCacheMount(run, "/root/.cache/pip", RunCommands.EnvBefore(context, stage, run, "PIP_CACHE_DIR") ?? "/root/.cache/pip")
                || run.Mounts().Any(m => m.Type == "cache" && m.Target is { } t && t.TrimEnd('/').EndsWith("/.cache/pip", StringComparison.Ordinal)))
                continue;
            findings.Add(At(context, pip.Install.Span, "pip install leaves its wheel cache (often tens of MB) in this layer",
                "Add --no-cache-dir, or mount the cache: RUN --mount=type=cache,target=/root/.cache/pip"));
        }
    }
}
