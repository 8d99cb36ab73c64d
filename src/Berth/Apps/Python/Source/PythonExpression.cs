namespace Berth.Apps.Python.Source;

/// <summary>The light expression model the reader builds: just enough shape to recognise calls, names and literals.</summary>
internal abstract record PythonExpression(int Line);

internal sealed record NameExpression(string Name, int Line) : PythonExpression(Line);

internal sealed record AttributeExpression(PythonExpression Target, string Attribute, int Line) : PythonExpression(Line);

internal sealed record CallExpression(PythonExpression Function, IReadOnlyList<CallArgument> Arguments, int Line) : PythonExpression(Line)
{
    /// <summary>The index-th plain positional argument (no keyword, no star), or null.</summary>
    public PythonExpression? Positional(int index)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Stars > 0)
            {
                return null; // positions after *args are unknown
            }

            if (argument.Keyword is null && index-- == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    public PythonExpression? Keyword(string name)
    {
        foreach (var argument in Arguments)
        {
            if (string.Equals(argument.Keyword, name, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The argument given by keyword, else at that position.</summary>
    public PythonExpression? Argument(int index, string keyword) => Keyword(keyword) ?? Positional(index);
}

/// <summary>One call argument; Stars is 1 for <c>*x</c>, 2 for <c>**x</c>.</summary>
internal sealed record CallArgument(string? Keyword, int Stars, PythonExpression Value);

internal sealed record SubscriptExpression(PythonExpression Target, IReadOnlyList<PythonExpression> Index, int Line) : PythonExpression(Line);

/// <summary>Adjacent string tokens joined. IsLiteral is false for f-strings and bytes; Fields are the parsed f-string fields.</summary>
internal sealed record StringExpression(string Value, bool IsLiteral, IReadOnlyList<PythonExpression> Fields, int Line) : PythonExpression(Line);

internal sealed record NumberExpression(string Text, int Line) : PythonExpression(Line);

/// <summary><c>True</c>, <c>False</c>, <c>None</c> or <c>...</c>.</summary>
internal sealed record ConstantExpression(string Name, int Line) : PythonExpression(Line);

/// <summary>List, tuple or set display.</summary>
internal sealed record SequenceExpression(IReadOnlyList<PythonExpression> Items, int Line) : PythonExpression(Line);

/// <summary>Dict display; a null key is a <c>**mapping</c> entry.</summary>
internal sealed record DictExpression(IReadOnlyList<PythonExpression?> Keys, IReadOnlyList<PythonExpression> Values, int Line) : PythonExpression(Line);

/// <summary>Anything else (operators, comprehensions, lambdas...): its operands in order and the operators seen.</summary>
internal sealed record CompoundExpression(IReadOnlyList<PythonExpression> Parts, IReadOnlyList<string> Operators, int Line) : PythonExpression(Line);
