namespace Berth.Apps.Python.Source;

/// <summary>
/// Collects every class's bases, fields and settings config while the file is read, then keeps those that derive
/// (directly or through other classes in the file) from pydantic's <c>BaseSettings</c>; fields and config are
/// inherited from such parents as pydantic does.
/// </summary>
internal sealed partial class SettingsClassCollector(string text, PythonNameLookup names)
{
    private readonly Dictionary<PythonBlock, ClassDeclaration> _byBody = [];
    private readonly List<ClassDeclaration> _classes = [];

    public void AddClass(PythonBlock body, PythonBlock scope, IReadOnlyList<PythonExpression> bases, IReadOnlyList<CallArgument> keywords, int line)
    {
        var declaration = new ClassDeclaration(body.Name ?? "", line, bases);
        if (body.Name == "Config" && scope.Owner is { Kind: PythonBlockKind.Class } outer && _byBody.TryGetValue(outer, out var settings))
        {
            declaration.ConfigOf = settings;
        }
        else
        {
            foreach (var keyword in keywords)
            {
                if (keyword.Keyword is { } key)
                {
                    SetConfig(declaration, key, keyword.Value);
                }
            }
        }

        _byBody[body] = declaration;
        _classes.Add(declaration);
    }

    /// <summary>An assignment directly in a class body.</summary>
    public void AddStatement(PythonBlock owner, IReadOnlyList<string> targets, TokenSpan? annotation, bool hasValue, PythonExpression? value, int line)
    {
        if (!_byBody.TryGetValue(owner, out var declaration))
        {
            return;
        }

        if (declaration.ConfigOf is { } settings)
        {
            foreach (var target in targets)
            {
                SetConfig(settings, target, value);
            }

            return;
        }

        if (targets is not [var name])
        {
            return;
        }

        if (name == "model_config")
        {
            ReadConfigValue(declaration, value);
            return;
        }

        if (annotation is not { } annotationTokens || name.StartsWith('_'))
        {
            return;
        }

        var annotationExpression = PythonExpressionParser.ParseFirst(text, annotationTokens);
        if (IsClassVar(annotationExpression))
        {
            return;
        }

        declaration.Fields.Add(ReadField(name, annotationTokens.SourceText(text), annotationExpression, hasValue, value, line));
    }

    public List<SettingsClass> Build()
    {
        var byName = new Dictionary<string, ClassDeclaration>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<ClassDeclaration>>(StringComparer.Ordinal);
        var queue = new Queue<ClassDeclaration>();
        var marked = new HashSet<ClassDeclaration>();
        foreach (var declaration in _classes)
        {
            if (declaration.ConfigOf is not null)
            {
                continue;
            }

            byName[declaration.Name] = declaration;
            foreach (var baseClass in declaration.Bases)
            {
                if (names.Match(PythonKnownNames.SettingsBases, baseClass) is not null && marked.Add(declaration))
                {
                    queue.Enqueue(declaration);
                }

                if (baseClass is NameExpression parent)
                {
                    if (!children.TryGetValue(parent.Name, out var list))
                    {
                        children[parent.Name] = list = [];
                    }

                    list.Add(declaration);
                }
            }
        }

        var built = new Dictionary<ClassDeclaration, SettingsClass>();
        while (queue.Count > 0)
        {
            var declaration = queue.Dequeue();
            built[declaration] = Merge(declaration, byName, built);
            if (children.TryGetValue(declaration.Name, out var derived))
            {
                foreach (var child in derived)
                {
                    if (marked.Add(child))
                    {
                        queue.Enqueue(child);
                    }
                }
            }
        }

        Derived = _classes
            .Where(d => d.ConfigOf is null && !marked.Contains(d))
            .Select(d => (Declaration: d, Bases: d.Bases.Select(Dotted).OfType<string>().Where(b => b is not ("object" or "Enum" or "str" or "int")).ToList()))
            .Where(x => x.Bases.Count > 0)
            .Select(x => new DerivedClass(x.Declaration.Name, x.Bases, x.Declaration.EnvPrefix, x.Declaration.CaseSensitive, x.Declaration.EnvFile,
                [.. x.Declaration.Fields], x.Declaration.Line))
            .ToList();
        return [.. built.Values.OrderBy(c => c.Line)];
    }

    /// <summary>After <see cref="Build"/>: the classes that may derive from a settings class of another module.</summary>
    public List<DerivedClass> Derived { get; private set; } = [];

    private static string? Dotted(PythonExpression expression) => expression switch
    {
        NameExpression name => name.Name,
        AttributeExpression { Target: var target } attribute when Dotted(target) is { } left => left + "." + attribute.Attribute,
        _ => null,
    };

    private static SettingsClass Merge(ClassDeclaration declaration, Dictionary<string, ClassDeclaration> byName, Dictionary<ClassDeclaration, SettingsClass> built)
    {
        string? prefix = null;
        string? envFile = null;
        bool? caseSensitive = null;
        var fields = new List<SettingsField>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var baseClass in declaration.Bases)
        {
            if (baseClass is NameExpression parentName
                && byName.TryGetValue(parentName.Name, out var parent)
                && !ReferenceEquals(parent, declaration)
                && built.TryGetValue(parent, out var inherited))
            {
                prefix ??= inherited.EnvPrefix;
                envFile ??= inherited.EnvFile;
                caseSensitive ??= inherited.CaseSensitive ? true : null;
                foreach (var field in inherited.Fields)
                {
                    Put(fields, positions, field);
                }
            }
        }

        foreach (var field in declaration.Fields)
        {
            Put(fields, positions, field);
        }

        return new SettingsClass(
            declaration.Name,
            declaration.EnvPrefix ?? prefix,
            declaration.CaseSensitive ?? caseSensitive ?? false,
            declaration.EnvFile ?? envFile,
            fields,
            declaration.Line);
    }

    private static void Put(List<SettingsField> fields, Dictionary<string, int> positions, SettingsField field)
    {
        if (positions.TryGetValue(field.Name, out var at))
        {
            fields[at] = field;
        }
        else
        {
            positions[field.Name] = fields.Count;
            fields.Add(field);
        }
    }

    private SettingsField ReadField(string name, string annotationText, PythonExpression? annotation, bool hasValue, PythonExpression? value, int line)
    {
        bool hasDefault;
        string? fallback = null;
        string? alias = null;
        if (value is CallExpression call && names.Match(PythonKnownNames.FieldFunctions, call.Function) is not null)
        {
            (hasDefault, fallback, alias) = ReadFieldCall(call);
        }
        else
        {
            hasDefault = hasValue && !PythonExpressions.IsEllipsis(value);
            fallback = hasDefault ? PythonExpressions.LiteralText(value) : null;
        }

        // Annotated[str, Field(alias="X")]
        if (FindFieldInAnnotation(annotation) is { } annotated)
        {
            var fromAnnotation = ReadFieldCall(annotated);
            alias ??= fromAnnotation.Alias;
            if (!hasValue)
            {
                (hasDefault, fallback) = (fromAnnotation.HasDefault, fromAnnotation.Default);
            }
        }

        return new SettingsField(name, alias, annotationText, hasDefault, fallback, line)
        {
            DefaultMember = fallback is null && hasValue && value is AttributeExpression ? PythonExpressions.DottedName(value) : null,
        };
    }

    private static (bool HasDefault, string? Default, string? Alias) ReadFieldCall(CallExpression call)
    {
        var alias = PythonExpressions.StringValue(call.Keyword("env"))
            ?? PythonExpressions.StringValue(call.Keyword("validation_alias"))
            ?? PythonExpressions.StringValue(call.Keyword("alias"));
        var given = call.Argument(0, "default");
        if (given is not null && !PythonExpressions.IsEllipsis(given))
        {
            return (true, PythonExpressions.LiteralText(given), alias);
        }

        return (call.Keyword("default_factory") is not null, null, alias);
    }

    private CallExpression? FindFieldInAnnotation(PythonExpression? annotation)
    {
        if (annotation is not SubscriptExpression subscript)
        {
            return null;
        }

        foreach (var item in subscript.Index)
        {
            if (item is CallExpression call && names.Match(PythonKnownNames.FieldFunctions, call.Function) is not null)
            {
                return call;
            }
        }

        return null;
    }

    private bool IsClassVar(PythonExpression? annotation) =>
        names.Match(PythonKnownNames.ClassVarNames, annotation is SubscriptExpression subscript ? subscript.Target : annotation) is not null;

    private static void ReadConfigValue(ClassDeclaration declaration, PythonExpression? value)
    {
        switch (value)
        {
            case CallExpression call:
                foreach (var argument in call.Arguments)
                {
                    if (argument.Keyword is { } key)
                    {
                        SetConfig(declaration, key, argument.Value);
                    }
                }

                break;
            case DictExpression dict:
                for (var i = 0; i < dict.Values.Count; i++)
                {
                    if (PythonExpressions.StringValue(dict.Keys[i]) is { } key)
                    {
                        SetConfig(declaration, key, dict.Values[i]);
                    }
                }

                break;
        }
    }

    private static void SetConfig(ClassDeclaration declaration, string key, PythonExpression? value)
    {
        switch (key)
        {
            case "env_prefix":
                declaration.EnvPrefix = PythonExpressions.StringValue(value) ?? declaration.EnvPrefix;
                break;
            case "env_file":
                declaration.EnvFile = PythonExpressions.StringValue(value)
                    ?? (PythonExpressions.StringList(value) is [var first, ..] ? first : null)
                    ?? FormattedFileGlob(value)
                    ?? declaration.EnvFile;
                break;
            case "case_sensitive":
                declaration.CaseSensitive = value is ConstantExpression { Name: "True" } ? true
                    : value is ConstantExpression { Name: "False" } ? false
                    : declaration.CaseSensitive;
                break;
        }
    }

    /// <summary><c>env_file = f"{APP_ENV}.env"</c> → "*.env": every file the setting can name (each replacement field a wildcard).</summary>
    private static string? FormattedFileGlob(PythonExpression? value) =>
        value is StringExpression { IsLiteral: false, Fields.Count: > 0 } formatted && ReplacementField().Replace(formatted.Value, "*") is var glob
            && glob.Trim('*', '.', '/').Length > 0 && !glob.StartsWith('{')
            ? glob
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^{}]*\}")]
    private static partial System.Text.RegularExpressions.Regex ReplacementField();

    private sealed class ClassDeclaration(string name, int line, IReadOnlyList<PythonExpression> bases)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public IReadOnlyList<PythonExpression> Bases { get; } = bases;

        public List<SettingsField> Fields { get; } = [];

        public string? EnvPrefix { get; set; }

        public string? EnvFile { get; set; }

        public bool? CaseSensitive { get; set; }

        /// <summary>Set for a nested v1 <c>class Config:</c>: the settings class it configures.</summary>
        public ClassDeclaration? ConfigOf { get; set; }
    }
}
