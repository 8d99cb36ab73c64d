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
        foreach (var stage in context.Stages.Where(s => shipped.Contains(s.Stage.Index)))
        {
            foreach (var run in stage.Stage.Instructions.OfType<RunInstruction>())
            {
                var commands = RunCommands.Of(run);
                var update = commands.FirstOrDefault(c => Apt.Is(c, "update"));
                if (update is null || RunCommands.HasCacheMount(run, "/var/lib/apt/lists", "/var/cache/apt") || commands.Any(RemovesLists))
                    continue;
                findings.Add(At(context, Apt.Subcommand(update)!.Span, "apt-get update leaves ~20 MB of package lists in this layer",
                    "End the same RUN with '&& rm -rf /var/lib/apt/lists/*', or mount a cache: RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked"));
            }
        }
    }

    private static bool RemovesLists(ShellCommand command) =>
        (command.Name == "rm" && command.PositionalArguments.Any(a => a.Value.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)))
        || (Apt.IsApt(command) && Apt.Subcommand(command)?.Value is "distclean" or "dist-clean");
}
