namespace Berth.Linting.Rules.Images;

/// <summary>BDF104: FROM an image tagged :latest (after ARG expansion): a moving target, so builds are not reproducible.</summary>
public sealed class LatestTag : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF104", "latest-tag", Severity.Warning,
        "FROM an image tagged :latest", ["DL3007", "CKV_DOCKER_7", "DS001"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            if (stage.BaseStage is not null || !stage.IsResolved || stage.BaseImage is not { } image || stage.Stage.From.ImageWord is not { } word)
                continue;
            if (image.Digest is not null || image.Tag != "latest")
                continue;
            findings.Add(At(context, word.Span, $"image {image.Text} uses the :latest tag, which changes under you between builds",
                $"Pin a version tag ({image.Repository}:<version>) or a digest (@sha256:...)"));
        }
    }
}
