namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF209: <c>pip install</c> without <c>--no-cache-dir</c> in a stage that reaches the final image. Accepts <c>ENV PIP_NO_CACHE_DIR</c>,
/// a <c>PIP_NO_CACHE_DIR=</c> assignment or an earlier <c>export PIP_NO_CACHE_DIR=</c> in the same RUN, and a cache mount on the pip cache.
/// Any value turns the cache off: pip reads <c>PIP_NO_CACHE_DIR=0</c> or <c>=false</c> as "no cache" too (kept for compatibility, see its
/// <c>_handle_no_cache_dir</c>).
/// </summary>
public sealed class PipCacheKept : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF209", "pip-cache-kept", Severity.Warning,
        "pip install keeps its download cache in a layer of the final image", ["DL3042"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        foreach (var found in RunCommands.All(context))
        {
            var (stage, run, command) = found;
            if (!RunCommands.Ships(shipped, found) || PipInstall.Read(command) is not { } pip || pip.Has("--no-cache-dir"))
                continue;
            if (command.Assignments.Any(a => a.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal))
                || ExportedBefore(run, command)
                || RunCommands.EnvBefore(context, stage, run, "PIP_NO_CACHE_DIR") is { Length: > 0 }
                || RunCommands.ConfiguredEarlier(context, run, "global.no-cache-dir")
                || RunCommands.HasCacheMount(run, "/root/.cache/pip", RunCommands.EnvBefore(context, stage, run, "PIP_CACHE_DIR") ?? "/root/.cache/pip")
                || run.Mounts().Any(m => m.Type == "cache" && m.Target is { } t && t.TrimEnd('/').EndsWith("/.cache/pip", StringComparison.Ordinal)))
                continue;
            findings.Add(At(context, pip.Install.Span, "pip install leaves its wheel cache (often tens of MB) in this layer",
                "Add --no-cache-dir, or mount the cache: RUN --mount=type=cache,target=/root/.cache/pip"));
        }
    }

    /// <summary>True when a command before <paramref name="pip"/> in the same RUN is <c>export PIP_NO_CACHE_DIR=…</c>.</summary>
    private static bool ExportedBefore(Dockerfiles.RunInstruction run, Dockerfiles.ShellCommand pip)
    {
        foreach (var command in RunCommands.Of(run))
        {
            if (ReferenceEquals(command, pip))
                return false;
            if (command.Name == "export" && command.Arguments.Any(a => a.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }
}
