namespace Berth.Apps.Python.Source;

internal enum PythonStatementKind
{
    /// <summary>A simple statement (assignment, call, import, return...).</summary>
    Simple,
    /// <summary><c>def</c> header up to its colon; Decorators hold the <c>@</c> lines before it.</summary>
    Function,
    /// <summary><c>class</c> header up to its colon.</summary>
    Class,
    /// <summary>Any other compound statement header (if/for/while/with/try...) up to its colon.</summary>
    Compound,
}

/// <summary>
/// One statement. Scope is the block the statement sits in; for headers, Body is the block they open.
/// Decorators are the expressions after each preceding <c>@</c> (only for functions and classes).
/// </summary>
internal sealed record PythonStatement(
    PythonStatementKind Kind,
    TokenSpan Tokens,
    PythonBlock Scope,
    PythonBlock? Body,
    IReadOnlyList<TokenSpan> Decorators)
{
    public int Line => Tokens.Count > 0 ? Tokens[0].Line : 0;
}
