using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF202: <c>poetry install --no-dev</c> was removed in Poetry 2 (deprecated since 1.2): the build fails or installs dev groups.
/// Reads the Poetry the file pins before the command (<c>pip install poetry==1.1.15</c>, <c>ENV POETRY_VERSION=1.1.13</c>, the installer's
/// <c>--version</c>): below 1.2 <c>--no-dev</c> is the right flag and nothing is reported; from 1.2 to 1.x it still works with a deprecation
/// warning, so the finding is a warning; on 2.x, or with no pin, it is an error.
/// </summary>
public sealed partial class PoetryNoDevRemoved : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF202", "poetry-no-dev-removed", Severity.Error,
        "poetry install --no-dev no longer exists (Poetry 1.2 deprecated it, 2.0 removed it)", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var run in context.Document.Instructions.OfType<RunInstruction>())
        {
            foreach (var command in run.Scripts().SelectMany(s => s.Commands))
            {
                if (command.Name != "poetry" || !command.HasArgument("install") || command.Arguments.FirstOrDefault(a => a.Value == "--no-dev") is not { } flag)
                    continue;
                var pinned = PinnedPoetry(context, run);
                if (pinned is { Major: 1, Minor: < 2 } or { Major: 0 })
                    continue;
                if (pinned is { Major: 1 })
                    findings.Add(At(context, flag.Span, $"poetry install --no-dev is deprecated in Poetry {pinned.Major}.{pinned.Minor} (pinned here) and removed in 2.0", "Use --only main (or --without dev)")
                        with { Severity = Severity.Warning });
                else
                    findings.Add(At(context, flag.Span, "poetry install --no-dev was removed in Poetry 2.0", "Use --only main (or --without dev)"));
            }
        }
    }

    /// <summary>The Poetry major.minor the file pins up to and including <paramref name="run"/> (the last pin wins), or null.</summary>
    private static Version? PinnedPoetry(DockerfileLintContext context, RunInstruction run)
    {
        Version? pinned = null;
        foreach (var instruction in context.Document.Instructions)
        {
            var match = instruction switch
            {
                EnvInstruction or ArgInstruction => VersionVariable().Match(instruction.Text),
                RunInstruction r when PoetryPin().Match(r.Text) is { Success: true } pin => pin,
                RunInstruction r when r.Text.Contains("python-poetry", StringComparison.Ordinal) && InstallerVersion().Match(r.Text) is { Success: true } installer => installer,
                RunInstruction r => VersionVariable().Match(r.Text),
                _ => Match.Empty,
            };
            if (match.Success)
                pinned = new Version(int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (ReferenceEquals(instruction, run))
                break;
        }
        return pinned;
    }

    /// <summary><c>poetry==1.1.15</c>, <c>poetry[plugin]==1.8</c>, <c>"poetry==1.1.*"</c> in a pip or pipx install.</summary>
    [GeneratedRegex(@"\bpoetry(\[[^\]]*\])?\s*==\s*(?<major>\d+)\.(?<minor>\d+)")]
    private static partial Regex PoetryPin();

    /// <summary><c>POETRY_VERSION=1.1.13</c> (ENV, ARG default, or an assignment before the installer).</summary>
    [GeneratedRegex(@"\bPOETRY_VERSION\s*=\s*[""']?(?<major>\d+)\.(?<minor>\d+)")]
    private static partial Regex VersionVariable();

    /// <summary>The official installer's <c>--version 1.1.15</c>.</summary>
    [GeneratedRegex(@"--version[=\s]+[""']?(?<major>\d+)\.(?<minor>\d+)")]
    private static partial Regex InstallerVersion();
}
