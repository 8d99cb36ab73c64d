using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// The one finding of an unpinned-package rule for one install command, as hadolint reports one per instruction: it spans the
/// first unpinned package to the last and names them (all, up to <see cref="NamesShown"/> + 1; else the first <see cref="NamesShown"/> and how many more), so
/// <c>apt-get install -y curl git</c> is one finding and an 8,000-package <c>dnf install</c> is not 8,000 lines of output.
/// </summary>
internal static class UnpinnedPackages
{
    public const int NamesShown = 5;
    private const int PinsShown = 3;

    /// <summary>The fix of the distribution package rules (apt, apk, yum, dnf, zypper), whose pins are info: archives drop old versions.</summary>
    public static readonly Func<string, string, string> DistroFix =
        static (pins, it) => $"Pin {it} ({pins}) if you need byte-for-byte rebuilds; pin the base image by digest first";

    /// <summary>
    /// Adds the finding for <paramref name="packages"/> (nothing when empty): "<paramref name="subject"/> 'a', 'b' and 'c'<paramref name="tail"/>",
    /// with the fix <paramref name="fix"/>(pins, pronoun), where pins are the first packages written by <paramref name="pin"/> and the pronoun is "it" or "them".
    /// </summary>
    public static void Report(DockerfileRule rule, DockerfileLintContext context, FindingSink findings, IReadOnlyList<ShellWord> packages,
        string subject, string tail, Func<string, string> pin, Func<string, string, string> fix)
    {
        if (packages.Count == 0)
            return;
        var first = packages[0].Span;
        var last = packages[^1].Span;
        var span = new SourceSpan(first.Start, last.End, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);
        var pins = string.Join(", ", packages.Take(PinsShown).Select(p => pin(p.Value))) + (packages.Count > PinsShown ? ", …" : "");
        findings.Add(Finding.At(rule.Info, context.File, span, $"{subject} {Names(packages)}{tail}", fix(pins, packages.Count == 1 ? "it" : "them")));
    }

    /// <summary>'a'; 'a' and 'b'; 'a', 'b' and 'c'; up to <see cref="NamesShown"/> names, then "and N more" (never "and 1 more": one more name is shown instead).</summary>
    internal static string Names(IReadOnlyList<ShellWord> packages)
    {
        var shown = packages.Count <= NamesShown + 1 ? packages.Count : NamesShown;
        var quoted = packages.Take(shown).Select(p => $"'{p.Value}'").ToList();
        if (packages.Count > shown)
            return $"{string.Join(", ", quoted)} and {packages.Count - shown} more";
        return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted.Take(quoted.Count - 1))} and {quoted[^1]}";
    }
}
