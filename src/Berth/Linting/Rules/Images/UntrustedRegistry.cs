using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF115: when the configuration lists trusted registries, an image pulled from any other registry: FROM (after ARG expansion),
/// COPY --from=image and RUN --mount=from=image. Stage references, scratch and images whose variables have no value are left alone.
/// </summary>
public sealed class UntrustedRegistry : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF115", "untrusted-registry", Severity.Error,
        "An image comes from a registry the configuration does not trust", ["DL3026"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var trusted = context.Configuration.TrustedRegistries;
        if (trusted.Count == 0)
            return;
        var escape = context.Document.EscapeChar;
        foreach (var stage in context.Stages)
        {
            if (stage.BaseStage is null && stage.IsResolved && stage.BaseImage is { } image && stage.Stage.From.ImageWord is { } word
                && image.Text != "scratch" && !RegistryTrust.IsTrusted(image, trusted))
                findings.Add(Untrusted(context, word.Span, image, trusted));
            foreach (var instruction in stage.Stage.Instructions)
            {
                foreach (var (raw, span) in ImageSources(instruction))
                {
                    var expansion = VariableExpander.Expand(raw, n => stage.Variables.TryGetValue(n, out var v) ? v : null, escape);
                    if (!expansion.IsComplete || expansion.Value.Length == 0 || IsStage(context, expansion.Value))
                        continue;
                    var source = ImageReference.Parse(expansion.Value);
                    if (source.Repository.Length > 0 && !RegistryTrust.IsTrusted(source, trusted))
                        findings.Add(Untrusted(context, span, source, trusted));
                }
            }
        }
    }

    /// <summary>The --from of COPY/ADD and the from= of RUN mounts, as written, with where they are.</summary>
    private static IEnumerable<(string Raw, SourceSpan Span)> ImageSources(Instruction instruction)
    {
        if (instruction is CopyInstruction { From: { Length: > 0 } from } copy)
            yield return (from, copy.Flag("from")!.Span);
        else if (instruction is RunInstruction run)
        {
            foreach (var mount in run.Mounts())
            {
                if (mount.From is { Length: > 0 } mountFrom)
                    yield return (mountFrom, mount.Flag.Span);
            }
        }
    }

    private static bool IsStage(DockerfileLintContext context, string reference) =>
        int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
        || context.Stages.Any(s => string.Equals(s.Stage.From.NormalizedStageName, reference, StringComparison.OrdinalIgnoreCase));

    private Finding Untrusted(DockerfileLintContext context, SourceSpan span, ImageReference image, IReadOnlyList<string> trusted) =>
        At(context, span, $"image {image.Text} comes from {RegistryTrust.Registry(image)}, which is not a trusted registry (trusted: {string.Join(", ", trusted)})",
            "Pull it from a trusted registry (mirror it there), or add its registry to trustedRegistries");
}
