using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF309: COPY or ADD names a file or folder the build context's .dockerignore excludes, so the build fails or copies nothing.
/// As in BuildKit, the check is skipped when .dockerignore has '!' exceptions (or is invalid, which fails the build anyway); sources with
/// variables or wildcards are left alone.
/// </summary>
public sealed class CopyIgnoredFile : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF309", "copy-ignored-file", Severity.Error,
        "COPY or ADD names a path that .dockerignore excludes", ["CopyIgnoredFile"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.Dockerignore is not { } text)
            return;
        var ignore = DockerignoreMatcher.Parse(text);
        if (!ignore.IsValid || ignore.HasExceptions)
            return;
        foreach (var copy in context.Document.Instructions.OfType<CopyInstruction>())
        {
            if (copy.From is not null)
                continue;
            foreach (var source in copy.Sources)
            {
                var value = source.Value;
                if (value.StartsWith("<<", StringComparison.Ordinal) || value.Contains("://", StringComparison.Ordinal) || value.StartsWith("git@", StringComparison.Ordinal)
                    || value.IndexOfAny(['$', '*', '?', '[']) >= 0)
                    continue;
                if (ignore.ExcludedBy(value) is { Text: var pattern })
                    findings.Add(At(context, source.Span, $"{value} is excluded by .dockerignore ({pattern}), so it is not in the build context",
                        $"Remove {pattern} from .dockerignore, or stop copying {value}"));
            }
        }
    }
}
