using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF204: <c>apt-get update</c> in a stage that reaches the final image, with neither <c>rm -rf /var/lib/apt/lists/*</c> in the same RUN nor a cache mount.</summary>
public sealed class AptListsNotRemoved : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF204", "apt-lists-not-removed", Severity.Warning,
        "apt-get update leaves /var/lib/apt/lists in a layer of the final image", ["DL3009"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        RunInstruction? done = null;
        foreach (var found in RunCommands.All(context))
        {
            var run = found.Run;
            if (ReferenceEquals(run, done) || !RunCommands.Ships(shipped, found) || !Apt.Is(found.Command, "update"))
                continue;
            done = run; // the first update of each RUN
            if (RunCommands.HasCacheMount(run, "/var/lib/apt/lists") || RunCommands.Of(run).Any(RemovesLists))
                continue;
            findings.Add(At(context, Apt.Subcommand(found.Command)!.Span, "apt-get update leaves ~20 MB of package lists in this layer",
                "End the same RUN with '&& rm -rf /var/lib/apt/lists/*', or mount a cache: RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked"));
        }
    }

    private static bool RemovesLists(ShellCommand command) =>
        (command.Name == "rm" && command.PositionalArguments.Any(a => a.Value.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)))
        || (Apt.IsApt(command) && Apt.Subcommand(command)?.Value is "distclean" or "dist-clean");
}
