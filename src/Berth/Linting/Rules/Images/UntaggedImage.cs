using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF103: FROM an image without a tag or digest (after ARG expansion), so the build pulls whatever :latest is today.</summary>
public sealed class UntaggedImage : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF103", "untagged-image", Severity.Warning,
        "FROM an image with neither a tag nor a digest", ["DL3006", "CKV_DOCKER_7", "DS001"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            if (stage.BaseStage is not null || !stage.IsResolved || stage.BaseImage is not { } image || stage.Stage.From.ImageWord is not { } word)
                continue;
            if (image.Text == "scratch" || image.Digest is not null || image.Tag is { Length: > 0 })
                continue;
            var resolved = word.Value == image.Text ? "" : $" (resolves to {image.Text})";
            findings.Add(At(context, word.Span, $"image {word.Value}{resolved} has no tag: the build takes whatever :latest is when it runs",
                "Pin a version tag (e.g. python:3.12-slim) or a digest (@sha256:...)"));
        }
    }
}
