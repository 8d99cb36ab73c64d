namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF225: <c>gem install bundler</c> (or <c>gem i</c>) without <c>bundler:version</c> or <c>-v</c>; words after <c>--</c> are build options, not gems.</summary>
public sealed class GemInstallUnpinned : DockerfileRule
{
    private static readonly string[] OptionsWithValue = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "--platform", "-g", "--file"];

    public override RuleInfo Info { get; } = new("BDF225", "gem-install-unpinned", Severity.Warning,
        "gem install of a gem without a version", ["DL3028"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "gem" || RunCommands.FirstOperand(command, OptionsWithValue)?.Value is not ("install" or "i")
                || RunCommands.HasOption(command, ["--version"]) || command.HasArgument("-v"))
                continue;
            // after '--' come the gems' build options (gem install pg -- --with-pg-config=...), not gems
            var dashes = IndexOfDashes(command);
            var unpinned = RunCommands.Operands(command, 1, OptionsWithValue)
                .Where(g => (dashes < 0 || g.Span.Start < command.Arguments[dashes].Span.Start) && !IsPinnedOrLocal(g.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, "gem installs", " at whatever version is newest when the image builds",
                static name => $"{name}:<version>", static (pins, it) => $"Pin {it} ({pins})");
        }
    }

    private static int IndexOfDashes(Dockerfiles.ShellCommand command)
    {
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            if (command.Arguments[i].Value == "--")
                return i;
        }
        return -1;
    }

    private static bool IsPinnedOrLocal(string gem) =>
        gem.Contains(':', StringComparison.Ordinal) || gem.Contains('$', StringComparison.Ordinal) || gem.EndsWith(".gem", StringComparison.Ordinal) || gem.Contains('/', StringComparison.Ordinal);
}
