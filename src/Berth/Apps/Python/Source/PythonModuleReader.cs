namespace Berth.Apps.Python.Source;

/// <summary>
/// Reads one Python file's text (pure C#, no interpreter) into <see cref="PythonModuleFacts"/>. Two passes over the
/// tokens: the first collects imports (so names resolve wherever the import sits), the second gathers the facts.
/// Never throws on malformed input; returns what could be read. Linear in the size of the text.
/// </summary>
public static class PythonModuleReader
{
    public static PythonModuleFacts Read(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        text ??= "";
        var imports = PythonImportScanner.Scan(text);
        var scanner = new PythonModuleScanner(text, imports);
        foreach (var statement in new PythonStatementReader(text).Read())
        {
            scanner.Visit(statement);
        }

        return scanner.Build(relativePath);
    }
}
