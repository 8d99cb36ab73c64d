namespace Berth.Apps.Python.Source;

/// <summary>Resolves written expressions against the file's imports and the recognised-name tables.</summary>
internal sealed class PythonNameLookup(PythonImportTable imports)
{
    public PythonImportTable Imports { get; } = imports;

    /// <summary>Canonical name from <paramref name="table"/> the expression refers to, or null.</summary>
    public string? Match(IReadOnlyDictionary<string, string> table, PythonExpression? expression) =>
        PythonExpressions.DottedName(expression) is { } dotted ? PythonKnownNames.Match(table, Imports.Candidates(dotted)) : null;

    /// <summary>Fully qualified name of a dotted expression (as written when no import binds it), or null.</summary>
    public string? Qualify(PythonExpression? expression) =>
        PythonExpressions.DottedName(expression) is { } dotted ? Imports.Qualify(dotted) : null;

    public bool Refers(PythonExpression? expression, string qualifiedName)
    {
        if (PythonExpressions.DottedName(expression) is not { } dotted)
        {
            return false;
        }

        foreach (var candidate in Imports.Candidates(dotted))
        {
            if (string.Equals(candidate, qualifiedName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
