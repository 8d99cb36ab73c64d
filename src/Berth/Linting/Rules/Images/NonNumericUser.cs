using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF405: the final stage's last USER is a name, not a UID: Kubernetes runAsNonRoot cannot verify a name and refuses to start the pod.</summary>
public sealed class NonNumericUser : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF405", "non-numeric-user", Severity.Info,
        "The final USER is a name rather than a numeric UID", ["DL3066"]);

    public override IEnumerable<Finding> Check(DockerfileLintContext context)
    {
        if (context.Final is not { } final)
            yield break;
        if (final.Stage.Instructions.OfType<UserInstruction>().LastOrDefault() is not { } user)
            yield break;
        var name = user.User.Trim();
        if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || name.All(char.IsAsciiDigit) || DockerfileLintContext.IsRoot(name))
            yield break;
        yield return At(context, user.UserSpan, $"USER {name} is a name: Kubernetes runAsNonRoot can only check a numeric UID",
            "Use the numeric UID (and GID), e.g. USER 10001:10001");
    }
}
