using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting;

/// <summary>
/// <c># berth ignore=ID[,ID]</c> on the line(s) before an instruction, <c># berth stage ignore=ID</c> from the next instruction to the end of
/// its stage (before a FROM: that whole stage), <c># berth global ignore=ID</c> anywhere, and hadolint's <c># hadolint ignore=DLxxxx</c> /
/// <c>stage ignore=</c> / <c>global ignore=</c> mapped to the Berth rules that cover those IDs. A comment may follow the IDs:
/// <c># hadolint ignore=DL3008 # pinned by the base image</c>.
/// </summary>
public sealed partial class Suppressions
{
    private readonly HashSet<string> _global = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int FirstLine, int LastLine, HashSet<string> Ids)> _local = [];

    public static Suppressions Read(DockerfileDocument document, IReadOnlyList<RuleInfo> rules)
    {
        var suppressions = new Suppressions();
        var pending = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pendingStage = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var openStage = new List<(int FirstLine, HashSet<string> Ids)>();
        foreach (var node in document.Nodes)
        {
            if (node is CommentLine comment)
            {
                var match = Pragma().Match(comment.Text);
                if (!match.Success)
                    continue;
                var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .SelectMany(id => Map(id, rules));
                if (match.Groups["global"].Success)
                    suppressions._global.UnionWith(ids);
                else if (match.Groups["stage"].Success)
                    pendingStage.UnionWith(ids);
                else
                    pending.UnionWith(ids);
            }
            else if (node is Instruction instruction)
            {
                if (pending.Count > 0)
                    suppressions._local.Add((instruction.Span.StartLine, instruction.Span.EndLine, pending));
                pending = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (instruction is FromInstruction)
                {
                    foreach (var (first, ids) in openStage)
                        suppressions._local.Add((first, instruction.Span.StartLine - 1, ids));
                    openStage.Clear();
                }
                if (pendingStage.Count > 0)
                {
                    openStage.Add((instruction.Span.StartLine, pendingStage));
                    pendingStage = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }
            }
        }
        foreach (var (first, ids) in openStage)
            suppressions._local.Add((first, int.MaxValue, ids));
        return suppressions;
    }

    public bool Suppresses(Finding finding)
    {
        if (_global.Contains(finding.Rule))
            return true;
        foreach (var (first, last, ids) in _local)
        {
            if (finding.Line >= first && finding.Line <= last && ids.Contains(finding.Rule))
                return true;
        }
        return false;
    }

    /// <summary>A Berth ID stays itself; a peer ID (DL3002) becomes every Berth rule that covers it.</summary>
    private static IEnumerable<string> Map(string id, IReadOnlyList<RuleInfo> rules)
    {
        var covering = rules.Where(r => r.Covers.Any(c => string.Equals(c, id, StringComparison.OrdinalIgnoreCase))).Select(r => r.Id).ToList();
        return covering.Count > 0 ? covering : [id];
    }

    [GeneratedRegex(@"^\s*#\s*(berth|hadolint)\s+((?<global>global\s+)|(?<stage>stage\s+))?ignore\s*=\s*(?<ids>[A-Za-z0-9_,\s-]+?)\s*(#.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pragma();
}
