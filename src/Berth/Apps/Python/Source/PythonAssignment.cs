namespace Berth.Apps.Python.Source;

/// <summary>
/// The parts of an assignment statement: <c>a = b = value</c>, <c>name: annotation = value</c> or a bare
/// <c>name: annotation</c>. Targets are the pieces before each top-level '='.
/// </summary>
internal sealed record PythonAssignment(IReadOnlyList<TokenSpan> Targets, TokenSpan? Annotation, TokenSpan? Value)
{
    /// <summary>The targets that are plain names.</summary>
    public IReadOnlyList<string> TargetNames
    {
        get
        {
            var names = new List<string>(Targets.Count);
            foreach (var target in Targets)
            {
                if (target.Count == 1 && target[0].Kind == PythonTokenKind.Name)
                {
                    names.Add(target[0].Text);
                }
            }

            return names;
        }
    }

    public static PythonAssignment? TryRead(TokenSpan statement)
    {
        var equals = new List<int>();
        var depth = 0;
        for (var i = 0; i < statement.Count; i++)
        {
            var token = statement[i];
            if (token.IsName("lambda") && depth == 0)
            {
                break; // a lambda's default values are not assignments
            }

            if (token.Kind != PythonTokenKind.Operator)
            {
                continue;
            }

            if (token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Text is ")" or "]" or "}")
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && token.Text == "=")
            {
                equals.Add(i);
            }
        }

        var firstEnd = equals.Count > 0 ? equals[0] : statement.Count;
        var first = statement.Slice(0, firstEnd);
        var colon = first.IndexOfTopLevel(":");
        TokenSpan? annotation = colon > 0 ? first.Slice(colon + 1) : null;
        if (equals.Count == 0)
        {
            return annotation is null ? null : new PythonAssignment([first.Slice(0, colon)], annotation, null);
        }

        var targets = new List<TokenSpan>(equals.Count) { colon > 0 ? first.Slice(0, colon) : first };
        for (var i = 1; i < equals.Count; i++)
        {
            targets.Add(statement.Slice(equals[i - 1] + 1, equals[i] - equals[i - 1] - 1));
        }

        var value = statement.Slice(equals[^1] + 1);
        return new PythonAssignment(targets, annotation, value.Count > 0 ? value : null);
    }
}
