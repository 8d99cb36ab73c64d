namespace Berth.Linting.Rules.Images;

/// <summary>BDF106: FROM --platform=$TARGETPLATFORM says what the build does anyway.</summary>
public sealed class RedundantTargetPlatform : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF106", "redundant-target-platform", Severity.Info,
        "FROM --platform=$TARGETPLATFORM is the default and can go", ["DL3065", "RedundantTargetPlatform"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.From.Flag("platform") is not { Value: "$TARGETPLATFORM" or "${TARGETPLATFORM}" } flag)
                continue;
            findings.Add(At(context, flag.Span, "--platform=$TARGETPLATFORM is redundant: stages build for the target platform by default",
                "Remove the --platform flag"));
        }
    }
}
