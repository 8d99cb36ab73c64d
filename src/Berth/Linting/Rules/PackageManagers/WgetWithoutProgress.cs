namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF230: <c>wget</c> without <c>--progress</c>, <c>-q</c>, <c>-nv</c>, <c>-o</c> or <c>-a</c>: a progress bar line per chunk floods the build log.</summary>
public sealed class WgetWithoutProgress : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF230", "wget-without-progress", Severity.Info,
        "wget without --progress or -q fills the build log with progress output", ["DL3047"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "wget" || command.Executable is not { } wget)
                continue;
            if (RunCommands.HasOption(command, ["--progress", "--quiet", "--no-verbose", "--output-file", "--append-output"], "qoa")
                || command.Arguments.Any(a => a.Value == "-nv" || (a.Value.StartsWith("-q", StringComparison.Ordinal) && !a.Value.StartsWith("--", StringComparison.Ordinal))))
                continue;
            findings.Add(At(context, wget.Span, "wget prints a progress line per chunk into the build log", "Add --progress=dot:giga (or -q / -nv)"));
        }
    }
}
