using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Manifests;

/// <summary><c>[tool.uv.workspace]</c>: member globs and excludes, relative to the folder of the declaring pyproject.</summary>
internal sealed record UvWorkspace(IReadOnlyList<string> Members, IReadOnlyList<string> Exclude, int Line)
{
    /// <summary>Whether the folder <paramref name="relative"/> (seen from the workspace root) is a member.</summary>
    public bool Declares(string relative)
    {
        if (relative == ".")
            return true;
        return Members.Any(glob => Matches(glob, relative)) && !Exclude.Any(glob => Matches(glob, relative));
    }

    /// <summary>The member glob that matched, for evidence.</summary>
    public string? MatchingGlob(string relative) => Members.FirstOrDefault(glob => Matches(glob, relative));

    internal static bool Matches(string glob, string path)
    {
        var pattern = new StringBuilder("^");
        var trimmed = glob.Trim().TrimEnd('/');
        if (trimmed.StartsWith("./", StringComparison.Ordinal))
            trimmed = trimmed[2..];
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '*' && i + 1 < trimmed.Length && trimmed[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        pattern.Append('$');
        return Regex.IsMatch(path, pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
