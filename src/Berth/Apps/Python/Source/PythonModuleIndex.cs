namespace Berth.Apps.Python.Source;

/// <summary>
/// The modules of a source tree by the names they are imported as: every dotted suffix of a file's module name
/// (<c>backend/app/core/config.py</c> is imported as <c>app.core.config</c> too), and relative imports against the importing file.
/// </summary>
internal sealed class PythonModuleIndex
{
    private readonly Dictionary<string, List<PythonModuleFacts>> _byName = new(StringComparer.Ordinal);

    public PythonModuleIndex(IEnumerable<PythonModuleFacts> modules)
    {
        foreach (var module in modules)
        {
            var parts = PythonServiceDetector.ModuleName(module.File).Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                var suffix = string.Join('.', parts[i..]);
                if (!_byName.TryGetValue(suffix, out var list))
                    _byName[suffix] = list = [];
                list.Add(module);
            }
        }
    }

    /// <summary>The modules <paramref name="imported"/> (as written in <paramref name="from"/>: <c>.base</c>, <c>app.core</c>) may be.</summary>
    public IReadOnlyList<PythonModuleFacts> Named(PythonModuleFacts from, string imported)
    {
        var dots = imported.Length - imported.TrimStart('.').Length;
        var rest = imported[dots..];
        string absolute;
        if (dots > 0)
        {
            // relative: from .base import X (dots = 1 is the importing module's own package)
            var package = PythonServiceDetector.ModuleName(from.File).Split('.').ToList();
            if (!from.File.EndsWith("/__init__.py", StringComparison.Ordinal) && package.Count > 0)
                package.RemoveAt(package.Count - 1);
            for (var up = 1; up < dots && package.Count > 0; up++)
                package.RemoveAt(package.Count - 1);
            absolute = string.Join('.', package.Append(rest).Where(p => p.Length > 0));
        }
        else
        {
            absolute = rest;
        }
        return _byName.TryGetValue(absolute, out var found) ? found : [];
    }
}
