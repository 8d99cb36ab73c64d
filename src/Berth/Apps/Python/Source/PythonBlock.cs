namespace Berth.Apps.Python.Source;

internal enum PythonBlockKind
{
    Module,
    Function,
    Class,
    /// <summary><c>if __name__ == "__main__":</c></summary>
    MainGuard,
    /// <summary>Any other compound statement body (if/for/while/with/try/match...): transparent for scoping.</summary>
    Conditional,
}

/// <summary>
/// An indented body. Scope facts are computed once at construction, so asking them is O(1) however deep the nesting.
/// </summary>
internal sealed class PythonBlock
{
    private PythonBlock(PythonBlockKind kind, string? name, int headerIndent, int line, PythonBlock? parent)
    {
        Kind = kind;
        Name = name;
        HeaderIndent = headerIndent;
        Line = line;
        Parent = parent;
        var definesScope = kind is PythonBlockKind.Function or PythonBlockKind.Class;
        Owner = definesScope ? this : parent?.Owner;
        InMainGuard = kind == PythonBlockKind.MainGuard || (!definesScope && parent is { InMainGuard: true });
        TopLevelFunction = parent?.TopLevelFunction
            ?? (kind == PythonBlockKind.Function && parent is { Owner: null } ? this : null);
    }

    public PythonBlockKind Kind { get; }

    /// <summary>Function or class name.</summary>
    public string? Name { get; }

    /// <summary>Indentation of the header line; the body is every following line indented further.</summary>
    public int HeaderIndent { get; }

    public int Line { get; }

    public PythonBlock? Parent { get; }

    /// <summary>The innermost enclosing function or class (this block if it is one); null at module level.</summary>
    public PythonBlock? Owner { get; }

    /// <summary>Code here runs only when the file is executed as a script.</summary>
    public bool InMainGuard { get; }

    /// <summary>The module-level function this block belongs to, if any.</summary>
    public PythonBlock? TopLevelFunction { get; }

    public bool IsModuleLevel => Owner is null;

    public static PythonBlock CreateModule() => new(PythonBlockKind.Module, null, -1, 0, null);

    public PythonBlock Open(PythonBlockKind kind, string? name, int headerIndent, int line) => new(kind, name, headerIndent, line, this);
}
