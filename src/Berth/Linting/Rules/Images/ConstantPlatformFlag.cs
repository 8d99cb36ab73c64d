namespace Berth.Linting.Rules.Images;

/// <summary>BDF105: FROM --platform with a constant (linux/amd64): the image is forced to one platform and multi-platform builds break.</summary>
public sealed class ConstantPlatformFlag : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF105", "constant-platform-flag", Severity.Warning,
        "FROM --platform set to a constant platform", ["DL3029", "FromPlatformFlagConstDisallowed"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From.Flag("platform") is not { Value: { Length: > 0 } value } flag || value.Contains('$', StringComparison.Ordinal))
                continue;
            findings.Add(At(context, flag.Span, $"FROM --platform={value} pins the stage to one platform",
                "Drop the flag and pass docker build --platform, or use --platform=$BUILDPLATFORM for build stages"));
        }
    }
}
