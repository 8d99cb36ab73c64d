using System.Text;

namespace Berth.Apps.Python.Source;

/// <summary>Queries over <see cref="PythonExpression"/> trees. All walks are iterative, so deep trees cannot overflow the stack.</summary>
internal static class PythonExpressions
{
    /// <summary>"a.b.c" for a name or attribute chain, else null.</summary>
    public static string? DottedName(PythonExpression? expression)
    {
        var parts = new List<string>();
        var current = expression;
        while (current is AttributeExpression attribute)
        {
            parts.Add(attribute.Attribute);
            current = attribute.Target;
        }

        if (current is not NameExpression name)
        {
            return null;
        }

        var builder = new StringBuilder(name.Name);
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            builder.Append('.').Append(parts[i]);
        }

        return builder.ToString();
    }

    /// <summary>A dotted name, or for a call its callee followed by "(...)"; null for anything else.</summary>
    public static string? Describe(PythonExpression? expression) => expression switch
    {
        CallExpression call when DottedName(call.Function) is { } callee => callee + "(...)",
        _ => DottedName(expression),
    };

    /// <summary>The value of a plain (non-f, non-bytes) string literal.</summary>
    public static string? StringValue(PythonExpression? expression) =>
        expression is StringExpression { IsLiteral: true } literal ? literal.Value : null;

    /// <summary>A literal as text: strings, numbers (with a leading minus), True/False. Null for anything else, None included.</summary>
    public static string? LiteralText(PythonExpression? expression) => expression switch
    {
        StringExpression { IsLiteral: true } literal => literal.Value,
        NumberExpression number => number.Text,
        ConstantExpression { Name: "True" or "False" } constant => constant.Name,
        _ => null,
    };

    /// <summary>The strings of a list/tuple/set display made only of string literals, else null.</summary>
    public static IReadOnlyList<string>? StringList(PythonExpression? expression)
    {
        if (expression is not SequenceExpression sequence)
        {
            return null;
        }

        var values = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (StringValue(item) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    public static bool IsEllipsis(PythonExpression? expression) => expression is ConstantExpression { Name: "..." };

    /// <summary>The expression and everything under it, parents before children, in source order.</summary>
    public static IEnumerable<PythonExpression> Descendants(PythonExpression root)
    {
        var stack = new Stack<PythonExpression>();
        stack.Push(root);
        var children = new List<PythonExpression>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            children.Clear();
            AddChildren(node, children);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    private static void AddChildren(PythonExpression node, List<PythonExpression> children)
    {
        switch (node)
        {
            case AttributeExpression attribute:
                children.Add(attribute.Target);
                break;
            case CallExpression call:
                children.Add(call.Function);
                foreach (var argument in call.Arguments)
                {
                    children.Add(argument.Value);
                }

                break;
            case SubscriptExpression subscript:
                children.Add(subscript.Target);
                children.AddRange(subscript.Index);
                break;
            case StringExpression literal:
                children.AddRange(literal.Fields);
                break;
            case SequenceExpression sequence:
                children.AddRange(sequence.Items);
                break;
            case DictExpression dict:
                for (var i = 0; i < dict.Values.Count; i++)
                {
                    if (i < dict.Keys.Count && dict.Keys[i] is { } key)
                    {
                        children.Add(key);
                    }

                    children.Add(dict.Values[i]);
                }

                break;
            case CompoundExpression compound:
                children.AddRange(compound.Parts);
                break;
        }
    }
}
