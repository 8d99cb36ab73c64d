namespace Berth.Apps.Python.Source;

/// <summary>
/// Signs, in code only, that a file makes its log lines JSON: a <c>logging.Formatter</c> subclass whose body calls
/// <c>json.dumps</c>, a python-json-logger formatter built or subclassed, structlog's <c>JSONRenderer()</c>, loguru's
/// <c>serialize=True</c>, and logging config dicts (<c>dictConfig</c>, uvicorn's <c>log_config</c>, Django's
/// <c>LOGGING</c>) whose formatter <c>"()"</c>/<c>"class"</c> names a python-json-logger formatter. A config naming the
/// app's own formatter class needs no clue of its own: that class is a clue where it is defined.
/// </summary>
internal sealed class JsonLoggingCollector(PythonNameLookup names)
{
    private readonly List<ClassShape> _classes = [];
    private readonly Dictionary<PythonBlock, ClassShape> _byBody = [];
    private readonly List<JsonLoggingClue> _clues = [];

    /// <summary>A class header; its body's statements follow.</summary>
    public void AddClass(PythonBlock body, IReadOnlyList<PythonExpression> bases, int line)
    {
        var shape = new ClassShape(body.Name ?? "", bases, line);
        _byBody[body] = shape;
        _classes.Add(shape);
    }

    /// <summary>Any call, with the block it sits in.</summary>
    public void AddCall(CallExpression call, PythonBlock scope)
    {
        if (names.Match(PythonKnownNames.JsonDumps, call.Function) is not null)
        {
            for (var block = scope; block is not null; block = block.Parent)
            {
                if (block.Kind == PythonBlockKind.Class && _byBody.TryGetValue(block, out var shape))
                {
                    shape.CallsDumps = true;
                }
            }
        }
        else if (names.Match(PythonKnownNames.JsonFormatters, call.Function) is { } formatter)
        {
            _clues.Add(new JsonLoggingClue(JsonLoggingKind.LibraryFormatterCall, formatter, call.Line));
        }
        else if (names.Match(PythonKnownNames.JsonRenderers, call.Function) is { } renderer)
        {
            _clues.Add(new JsonLoggingClue(JsonLoggingKind.StructlogJsonRenderer, renderer, call.Line));
        }
        else if (LoguruSerializes(call) is { } method)
        {
            _clues.Add(new JsonLoggingClue(JsonLoggingKind.LoguruSerialize, method, call.Line));
        }
    }

    /// <summary>Any dict display: a logging config names its formatter with <c>"()"</c> (a factory, string or object) or <c>"class"</c>.</summary>
    public void AddDict(DictExpression dict)
    {
        for (var i = 0; i < dict.Keys.Count && i < dict.Values.Count; i++)
        {
            if (PythonExpressions.StringValue(dict.Keys[i]) is not ("()" or "class"))
            {
                continue;
            }

            var value = dict.Values[i];
            if (PythonExpressions.StringValue(value) is { } written)
            {
                // dictConfig imports the dotted string itself: it is not resolved against this file's imports.
                if (PythonKnownNames.Match(PythonKnownNames.JsonFormatters, [written]) is { } known)
                {
                    _clues.Add(new JsonLoggingClue(JsonLoggingKind.ConfigFormatter, known, value.Line));
                }
            }
            else if (names.Match(PythonKnownNames.JsonFormatters, value) is { } formatter)
            {
                _clues.Add(new JsonLoggingClue(JsonLoggingKind.ConfigFormatter, formatter, value.Line));
            }
        }
    }

    /// <summary>The clues in line order. Classes are resolved in source order, as Python binds a base before the class that names it.</summary>
    public List<JsonLoggingClue> Build()
    {
        var clues = new List<JsonLoggingClue>(_clues);
        var seen = new Dictionary<string, (bool Formatter, bool Library, bool Dumps)>(StringComparer.Ordinal);
        foreach (var shape in _classes)
        {
            var (formatter, library, dumps) = (false, false, shape.CallsDumps);
            foreach (var baseClass in shape.Bases)
            {
                if (names.Refers(baseClass, PythonKnownNames.LoggingFormatter))
                {
                    formatter = true;
                }
                else if (names.Match(PythonKnownNames.JsonFormatters, baseClass) is not null)
                {
                    library = true;
                }
                else if (baseClass is NameExpression parent && !names.Imports.IsImported(parent.Name) && seen.TryGetValue(parent.Name, out var inherited))
                {
                    formatter |= inherited.Formatter;
                    library |= inherited.Library;
                    dumps |= inherited.Dumps;
                }
            }

            seen[shape.Name] = (formatter, library, dumps);
            if (library)
            {
                clues.Add(new JsonLoggingClue(JsonLoggingKind.LibraryFormatterSubclass, shape.Name, shape.Line));
            }
            else if (formatter && dumps)
            {
                clues.Add(new JsonLoggingClue(JsonLoggingKind.DumpsFormatterClass, shape.Name, shape.Line));
            }
        }

        return [.. clues.OrderBy(c => c.Line)];
    }

    /// <summary>"add" or "configure" when the call asks loguru's logger for serialized (JSON) records, else null.</summary>
    private string? LoguruSerializes(CallExpression call)
    {
        if (call.Function is not AttributeExpression { Attribute: var method, Target: var target }
            || !names.Refers(target, PythonKnownNames.LoguruLogger))
        {
            return null;
        }

        var serializes = method switch
        {
            "add" => IsTrue(call.Keyword("serialize")),
            "configure" => call.Keyword("handlers") is { } handlers && PythonExpressions.Descendants(handlers).Any(SerializingHandler),
            _ => false,
        };
        return serializes ? method : null;
    }

    /// <summary><c>{"sink": ..., "serialize": True}</c> or <c>dict(sink=..., serialize=True)</c>.</summary>
    private static bool SerializingHandler(PythonExpression node)
    {
        switch (node)
        {
            case DictExpression dict:
                for (var i = 0; i < dict.Keys.Count && i < dict.Values.Count; i++)
                {
                    if (PythonExpressions.StringValue(dict.Keys[i]) == "serialize" && IsTrue(dict.Values[i]))
                    {
                        return true;
                    }
                }

                return false;
            case CallExpression { Function: NameExpression { Name: "dict" } } call:
                return IsTrue(call.Keyword("serialize"));
            default:
                return false;
        }
    }

    private static bool IsTrue(PythonExpression? expression) => expression is ConstantExpression { Name: "True" };

    private sealed class ClassShape(string name, IReadOnlyList<PythonExpression> bases, int line)
    {
        public string Name { get; } = name;

        public IReadOnlyList<PythonExpression> Bases { get; } = bases;

        public int Line { get; } = line;

        public bool CallsDumps { get; set; }
    }
}
