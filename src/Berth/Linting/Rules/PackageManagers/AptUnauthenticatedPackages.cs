namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF241: apt-get <c>--allow-unauthenticated</c>, <c>--force-yes</c> or <c>-o APT::Get::AllowUnauthenticated=true</c>: packages install without signature checks.</summary>
public sealed class AptUnauthenticatedPackages : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF241", "apt-unauthenticated-packages", Severity.Error,
        "apt-get installs packages without checking their signatures (--allow-unauthenticated, --force-yes)", ["CKV2_DOCKER_8", "CKV2_DOCKER_11"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (!Apt.IsApt(command))
                continue;
            foreach (var argument in command.Arguments)
            {
                var value = argument.Value;
                if (value is "--allow-unauthenticated" or "--force-yes" or "--allow-insecure-repositories"
                    || (value.Contains("AllowUnauthenticated", StringComparison.OrdinalIgnoreCase) && value.Split('=', 2) is [_, var v] && RunCommands.IsTruthy(v)))
                {
                    findings.Add(At(context, argument.Span, $"'{value}' lets apt install packages nobody signed: a mirror or proxy can swap them",
                        "Remove it; import the repository's key (signed-by=) instead"));
                }
            }
        }
    }
}
