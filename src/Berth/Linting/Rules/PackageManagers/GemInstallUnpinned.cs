namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF225: <c>gem install bundler</c> without <c>bundler:version</c> or <c>-v</c>.</summary>
public sealed class GemInstallUnpinned : DockerfileRule
{
    private static readonly string[] OptionsWithValue = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "--platform", "-g", "--file"];

    public override RuleInfo Info { get; } = new("BDF225", "gem-install-unpinned", Severity.Warning,
        "gem install of a gem without a version", ["DL3028"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "gem" || RunCommands.Operands(command, 0, OptionsWithValue).FirstOrDefault()?.Value != "install"
                || RunCommands.HasOption(command, ["--version"]) || command.HasArgument("-v"))
                continue;
            foreach (var gem in RunCommands.Operands(command, 1, OptionsWithValue))
            {
                if (gem.Value.Contains(':', StringComparison.Ordinal) || gem.Value.Contains('$', StringComparison.Ordinal) || gem.Value.EndsWith(".gem", StringComparison.Ordinal) || gem.Value.Contains('/', StringComparison.Ordinal))
                    continue;
                findings.Add(At(context, gem.Span, $"gem installs '{gem.Value}' at whatever version is newest when the image builds", $"Pin it ({gem.Value}:<version>)"));
            }
        }
    }
}
