using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Manifests;

/// <summary>PEP 503 name normalisation: lower case, runs of '-', '_' and '.' become one '-'.</summary>
internal static partial class PythonPackageName
{
    public static string Normalize(string name) => Separators().Replace(name.Trim(), "-").ToLowerInvariant();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
