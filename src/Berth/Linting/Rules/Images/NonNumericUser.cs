using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF405: the final stage's last USER is a name, not a UID: Kubernetes runAsNonRoot cannot verify a name and refuses to start the pod.</summary>
public sealed class NonNumericUser : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF405", "non-numeric-user", Severity.Info,
        "The final USER is a name rather than a numeric UID", ["DL3066"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Final is not { } final)
            return;
        if (final.Stage.Instructions.OfType<UserInstruction>().LastOrDefault() is not { } user)
            return;
        var name = user.User.Trim();
        if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || name.All(char.IsAsciiDigit) || DockerfileLintContext.IsRoot(name))
            return;
        findings.Add(At(context, user.UserSpan, $"USER {name} is a name: Kubernetes runAsNonRoot can only check a numeric UID",
            "Use the numeric UID (and GID), e.g. USER 10001:10001"));
    }
}
