namespace Berth.Apps.Python.Source;

/// <summary>
/// The pieces a configuration selector is made of, as one file shows them: Enum classes and their literal members, module-level
/// dicts that map names to config classes or env files (<c>config = {"production": ProductionConfig, ...}</c>), env reads with an
/// <c>or "literal"</c> fallback, and comparisons of an env variable with a literal (<c>if ENV == "production":</c>).
/// <see cref="ConfigSelectorReader"/> joins them across the service's modules.
/// </summary>
internal sealed class ConfigChoiceCollector(PythonNameLookup names)
{
    private static readonly HashSet<string> EnumBases = new(StringComparer.Ordinal) { "Enum", "StrEnum", "enum.Enum", "enum.StrEnum" };

    private readonly Dictionary<PythonBlock, (string Name, int Line, List<EnumMember> Members)> _enums = [];
    private readonly List<ChoiceTable> _tables = [];
    private readonly List<EnvRead> _fallbacks = [];
    private readonly List<EnvComparison> _comparisons = [];

    public void AddClass(PythonBlock body, IReadOnlyList<PythonExpression> bases, int line)
    {
        if (body.Name is { } name && bases.Any(b => PythonExpressions.DottedName(b) is { } dotted && EnumBases.Contains(dotted)))
            _enums[body] = (name, line, []);
    }

    /// <summary>An assignment directly in a class body: <c>prod = "prod"</c> / <c>prod: str = "prod"</c> in an Enum.</summary>
    public void AddClassStatement(PythonBlock owner, IReadOnlyList<string> targets, PythonExpression? value)
    {
        if (_enums.TryGetValue(owner, out var declared) && targets is [var member] && !member.StartsWith('_')
            && PythonExpressions.LiteralText(value) is { } literal)
            declared.Members.Add(new EnumMember(member, literal));
    }

    /// <summary>
    /// An assignment (module level or in a function, as in <c>def get_config(): config_type = {"prod": ProductionConfig(), ...}</c>): a
    /// dict whose keys are literals or Enum members and whose values are names, instances (<c>ProductionConfig()</c>) or strings.
    /// </summary>
    public void AddAssignment(IReadOnlyList<string> targets, PythonExpression value, int line)
    {
        if (targets is not [var variable] || value is not DictExpression { Keys.Count: >= 2 } dict)
            return;
        var entries = new List<ChoiceEntry>();
        for (var i = 0; i < dict.Keys.Count; i++)
        {
            var key = dict.Keys[i];
            var entry = dict.Values[i] is CallExpression { Arguments.Count: 0 } instance ? instance.Function : dict.Values[i];
            var target = PythonExpressions.DottedName(entry) ?? PythonExpressions.StringValue(entry);
            if (target is null)
                return;
            if (PythonExpressions.StringValue(key) is { } literal)
                entries.Add(new ChoiceEntry(literal, null, target));
            else if (key is AttributeExpression { Target: var enumName } attribute && PythonExpressions.DottedName(enumName) is { } enumClass)
                entries.Add(new ChoiceEntry(attribute.Attribute, enumClass, target));
            else
                return;
        }
        _tables.Add(new ChoiceTable(variable, entries, line));
    }

    /// <summary>
    /// Every expression node: <c>os.getenv("X") or "default"</c>, and <c>X == "literal"</c> where X is an env read or a variable
    /// holding one (<paramref name="variable"/> looks a name up in the scope).
    /// </summary>
    public void Visit(PythonExpression node, Func<string, PythonExpression?> variable)
    {
        if (node is not CompoundExpression compound)
            return;
        if (Fallback(compound) is { } fallback)
        {
            _fallbacks.Add(fallback);
            return;
        }
        if (!compound.Operators.Contains("=="))
            return;
        for (var i = 0; i + 1 < compound.Parts.Count; i++)
        {
            var (left, right) = (compound.Parts[i], compound.Parts[i + 1]);
            var (subject, literal) = PythonExpressions.StringValue(right) is { } r ? (left, r)
                : PythonExpressions.StringValue(left) is { } l ? (right, l)
                : (null, null);
            if (subject is null || literal is null)
                continue;
            var read = ReadOf(subject) ?? (subject is NameExpression name && variable(name.Name) is { } held ? ReadOf(held) : null);
            if (read is not null)
                _comparisons.Add(new EnvComparison(read.Name, literal, read.Default, compound.Line));
        }
    }

    public IReadOnlyList<EnumClass> Enums => [.. _enums.Values.Select(e => new EnumClass(e.Name, e.Members, e.Line))];

    public IReadOnlyList<ChoiceTable> Tables => _tables;

    public IReadOnlyList<EnvRead> Fallbacks => _fallbacks;

    public IReadOnlyList<EnvComparison> Comparisons => _comparisons;

    private EnvRead? ReadOf(PythonExpression expression) =>
        EnvReadRecognizer.Recognize(expression, names) ?? (expression is CompoundExpression compound ? Fallback(compound) : null);

    /// <summary><c>os.getenv("X") or "literal"</c>: a read whose default is the literal.</summary>
    private EnvRead? Fallback(CompoundExpression compound) =>
        compound is { Operators: ["or"], Parts: [var first, var second] }
        && EnvReadRecognizer.Recognize(first, names) is { Default: null, Kind: EnvReadKind.Get } read
        && PythonExpressions.StringValue(second) is { } fallback
            ? read with { Default = fallback }
            : null;
}
