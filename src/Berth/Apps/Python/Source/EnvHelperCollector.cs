namespace Berth.Apps.Python.Source;

/// <summary>
/// Module-level helper functions that read the variable their parameter names (healthchecks' <c>def envint(s, default):
/// v = os.getenv(s, default)</c>), and the calls to them with a literal name (<c>envint("DB_CONN_MAX_AGE", "0")</c>), which are
/// env reads like any other: required when the helper reads <c>os.environ[s]</c> and the call gives no default.
/// </summary>
internal sealed class EnvHelperCollector
{
    private readonly Dictionary<PythonBlock, (string Name, IReadOnlyList<Parameter> Parameters)> _functions = [];
    private readonly Dictionary<string, EnvHelper> _helpers = new(StringComparer.Ordinal);

    /// <summary>A module-level <c>def</c>: its parameters, in order, with whether each has a default.</summary>
    public void AddFunction(PythonStatement statement)
    {
        if (statement.Body is not { Kind: PythonBlockKind.Function, Name: { } name } body || statement.Scope.Owner is not null)
            return;
        var tokens = statement.Tokens;
        var open = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsOperator("("))
            {
                open = i;
                break;
            }
        }
        if (open < 0)
            return;
        var parameters = new List<Parameter>();
        var depth = 0;
        var expectName = true;
        for (var i = open + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsOperator("(") || token.IsOperator("[") || token.IsOperator("{"))
                depth++;
            else if (token.IsOperator(")") || token.IsOperator("]") || token.IsOperator("}"))
            {
                if (depth-- == 0)
                    break;
            }
            else if (depth == 0 && token.IsOperator(","))
                expectName = true;
            else if (depth == 0 && token.IsOperator("=") && parameters.Count > 0)
                parameters[^1] = parameters[^1] with { HasDefault = true };
            else if (depth == 0 && expectName && token.Kind == PythonTokenKind.Name)
            {
                parameters.Add(new Parameter(token.Text, false));
                expectName = false;
            }
            else if (depth == 0 && (token.IsOperator("*") || token.IsOperator("**") || token.IsOperator("/")))
                expectName = token.IsOperator("/") ? false : expectName;
        }
        _functions[body] = (name, parameters);
    }

    /// <summary>
    /// An expression node inside some scope: a read of the variable a helper's parameter names makes the function a helper; a call
    /// to a known helper with a literal name is returned as an env read.
    /// </summary>
    /// <param name="read">The node read as an environment read with any key (<see cref="EnvReadRecognizer.RecognizeAny"/>), or null.</param>
    public EnvRead? Visit(PythonExpression node, RawEnvRead? read, PythonBlock scope)
    {
        if (read is { Key: NameExpression key } && scope.TopLevelFunction is { } function && _functions.TryGetValue(function, out var declared))
        {
            var index = IndexOf(declared.Parameters, key.Name);
            if (index >= 0 && !_helpers.ContainsKey(declared.Name))
            {
                var fallback = read.Kind == EnvReadKind.SetDefault ? null : read.Default; // setdefault's value is what it sets, not a fallback
                var defaultIndex = fallback is NameExpression parameter ? IndexOf(declared.Parameters, parameter.Name) : -1;
                _helpers[declared.Name] = new EnvHelper(index, read.Required, defaultIndex, fallback is null or NameExpression ? null : PythonExpressions.LiteralText(fallback),
                    declared.Parameters);
            }
            return null;
        }
        if (node is not CallExpression { Function: NameExpression callee } call || !_helpers.TryGetValue(callee.Name, out var helper))
            return null;
        var parameterNames = helper.Parameters;
        if (PythonExpressions.StringValue(call.Argument(helper.NameIndex, parameterNames[helper.NameIndex].Name)) is not { } variable)
            return null;
        var given = helper.DefaultIndex >= 0 && call.Argument(helper.DefaultIndex, parameterNames[helper.DefaultIndex].Name) is { } argument
            ? PythonExpressions.LiteralText(argument)
            : null;
        // os.environ[s] fails without the variable; os.getenv(s, default) never does, whatever the default
        return new EnvRead(variable, helper.Required ? EnvReadKind.Subscript : EnvReadKind.Get, helper.Required, given ?? helper.FixedDefault, call.Line);
    }

    private static int IndexOf(IReadOnlyList<Parameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == name)
                return i;
        }
        return -1;
    }

    private sealed record Parameter(string Name, bool HasDefault);


    /// <summary>NameIndex: the parameter holding the variable's name; DefaultIndex: the one passed as the read's default (-1: none).</summary>
    private sealed record EnvHelper(int NameIndex, bool Required, int DefaultIndex, string? FixedDefault, IReadOnlyList<Parameter> Parameters);
}
