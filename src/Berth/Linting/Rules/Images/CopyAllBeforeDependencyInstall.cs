using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF308: the whole build context is COPYed before the stage first installs dependencies, so any source change invalidates the
/// install layer and every build reinstalls everything. Copying the manifests, installing, then copying the rest keeps the cache.
/// </summary>
public sealed partial class CopyAllBeforeDependencyInstall : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF308", "copy-all-before-dependency-install", Severity.Warning,
        "The whole build context is copied before dependencies are installed, defeating the layer cache", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (!HasCopyAll(stage))
                continue; // nothing to report, and the install search (a regex over every RUN) would be wasted
            var installed = false;
            CopyInstruction? copyAll = null;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is CopyInstruction { From: null } copy && copyAll is null && !installed && CopiesAll(copy))
                {
                    copyAll = copy;
                }
                else if (instruction is RunInstruction run && Install().Match(run.Text + "\n" + string.Join("\n", run.Heredocs.Select(h => h.Content))) is { Success: true } match)
                {
                    if (copyAll is not null)
                    {
                        findings.Add(At(context, copyAll.Span, $"the whole context is copied before `{match.Value.Trim()}` (line {run.Span.StartLine}): any source change reinstalls every dependency",
                            "Copy the dependency manifests first (e.g. COPY requirements.txt ./ or COPY package.json package-lock.json ./), install, then COPY . ."));
                        break;
                    }
                    installed = true;
                }
            }
        }
    }

    private static bool HasCopyAll(DockerfileStage stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is CopyInstruction { From: null } copy && CopiesAll(copy))
                return true;
        }
        return false;
    }

    private static bool CopiesAll(CopyInstruction copy)
    {
        foreach (var source in copy.Sources)
        {
            if (source.Value is "." or "./" or "./*" or "*")
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"\b(pip3?\s+install\s+(.*\s)?(-r|--requirement)\s*\S+|pip3?\s+install\s+(?![^\n&;|]*--no-deps)(.*\s)?\.(\[\S*\])?(\s|$)|npm\s+(ci|install|i)\b(?![^\n&;|]*\s(-g|--global)\b)|yarn(\s+install\b|\s*(&&|;|\|\||$))|pnpm\s+(install|i)\b|poetry\s+install\b|uv\s+sync\b|uv\s+pip\s+install\s+(.*\s)?(-r\s*\S+|\.(\s|$))|pipenv\s+(install|sync)\b|pdm\s+(install|sync)\b|bundle\s+install\b|go\s+mod\s+download\b|composer\s+install\b|dotnet\s+restore\b)", RegexOptions.Multiline)]
    private static partial Regex Install();
}
