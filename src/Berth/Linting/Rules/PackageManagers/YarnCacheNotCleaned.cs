using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF224: <c>yarn install</c> in a stage that reaches the final image, without <c>yarn cache clean</c> in the same RUN or a cache mount on yarn's cache.</summary>
public sealed class YarnCacheNotCleaned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF224", "yarn-cache-not-cleaned", Severity.Info,
        "yarn install leaves yarn's package cache in a layer of the final image", ["DL3060"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        foreach (var found in RunCommands.All(context))
        {
            var (_, run, command) = found;
            if (!RunCommands.Ships(shipped, found) || command.Name != "yarn" || command.Executable is not { } yarn)
                continue;
            var sub = command.PositionalArguments.FirstOrDefault();
            if ((sub is not null && sub.Value != "install") || command.Arguments.Any(a => a.Value is "--version" or "-v" or "-V" or "--help" or "-h"))
                continue;
            if (run.Mounts().Any(m => m.Type is "cache" or "tmpfs" && m.Target is { } t && (t.Contains(".cache/yarn", StringComparison.Ordinal) || t.Contains(".yarn", StringComparison.Ordinal)))
                || RunCommands.Of(run).SkipWhile(c => !ReferenceEquals(c, command)).Any(c => c.Name == "yarn" && IsCacheClean(c)))
                continue;
            findings.Add(At(context, (sub ?? yarn).Span, "yarn install keeps every downloaded package in its cache in this layer",
                "End the same RUN with '&& yarn cache clean', or mount the cache: RUN --mount=type=cache,target=/usr/local/share/.cache/yarn"));
        }
    }

    private static bool IsCacheClean(ShellCommand command)
    {
        var words = command.PositionalArguments.Select(a => a.Value).ToList();
        return words.Count >= 2 && words[0] == "cache" && words[1] == "clean";
    }
}
