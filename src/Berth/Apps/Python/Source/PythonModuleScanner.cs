namespace Berth.Apps.Python.Source;

/// <summary>
/// Visits a file's statements in order and gathers the facts: apps, factories, routers, routes, env reads,
/// settings classes, server calls, module-level strings and JSON logging clues. Imports must already be in the table (first pass).
/// </summary>
internal sealed class PythonModuleScanner
{
    private readonly string _text;
    private readonly PythonNameLookup _names;
    private readonly RouteCollector _routes;
    private readonly SettingsClassCollector _settings;
    private readonly JsonLoggingCollector _logging;
    private readonly List<AppInstance> _apps = [];
    private readonly List<AppFromCall> _appCalls = [];
    private readonly WritablePathCollector _writes;
    private readonly DjangoSettingCollector _django;
    private readonly ServedFolderCollector _served;
    private readonly EnvHelperCollector _envHelpers;
    private readonly ConfigChoiceCollector _choices;
    private readonly ConfigObjectReads _configReads;
    private readonly LibraryEnvReads _libraryEnv;
    private readonly Dictionary<PythonBlock, AppFactory> _factories = [];
    private readonly Dictionary<string, string> _factoryConstructors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _appSubclasses = new(StringComparer.Ordinal);
    private readonly List<RouterInstance> _routers = [];
    private readonly List<EnvRead> _envReads = [];
    private readonly List<EnvRead> _secretKeyReads = [];
    private readonly Dictionary<string, EnvRead> _possiblyNone = new(StringComparer.Ordinal);
    private readonly Dictionary<PythonBlock, HashSet<string>> _guards = [];
    private readonly List<(ServerCall Call, string? TopLevelFunction)> _serverCalls = [];
    private readonly List<StringAssignment> _moduleStrings = [];
    private readonly Dictionary<(PythonBlock? Owner, string Name), PythonExpression> _variables = [];
    private readonly Dictionary<(PythonBlock? Owner, string Name), string> _appVariables = [];
    private readonly HashSet<string> _calledUnderMainGuard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _callGraph = new(StringComparer.Ordinal);
    private bool _hasMainGuard;

    public PythonModuleScanner(string text, PythonImportTable imports)
    {
        _text = text;
        _names = new PythonNameLookup(imports);
        _routes = new RouteCollector(_names);
        _settings = new SettingsClassCollector(text, _names);
        _logging = new JsonLoggingCollector(_names);
        _writes = new WritablePathCollector(_names);
        _django = new DjangoSettingCollector(_names);
        _served = new ServedFolderCollector(_names, name => _variables.GetValueOrDefault((null, name)));
        _envHelpers = new EnvHelperCollector();
        _choices = new ConfigChoiceCollector(_names);
        _configReads = new ConfigObjectReads(_names);
        _libraryEnv = new LibraryEnvReads(_names);
    }

    public void Visit(PythonStatement statement)
    {
        switch (statement.Kind)
        {
            case PythonStatementKind.Function:
                VisitFunction(statement);
                break;
            case PythonStatementKind.Class:
                VisitClass(statement);
                break;
            case PythonStatementKind.Compound:
                VisitCompound(statement);
                break;
            default:
                VisitSimple(statement);
                break;
        }
    }

    public PythonModuleFacts Build(string file)
    {
        var underGuard = FunctionsReachableFromMainGuard();
        var serverCalls = new List<ServerCall>(_serverCalls.Count);
        foreach (var (call, function) in _serverCalls)
        {
            serverCalls.Add(!call.InMainGuard && function is not null && underGuard.Contains(function) ? call with { InMainGuard = true } : call);
        }

        return new PythonModuleFacts(
            file,
            _names.Imports.Imports.OrderBy(i => i.Line).ToList(),
            _apps.OrderBy(a => a.Line).ToList(),
            _factories.Values.OrderBy(f => f.Line).ToList(),
            _routers.OrderBy(r => r.Line).ToList(),
            _routes.Inclusions.OrderBy(i => i.Line).ToList(),
            _routes.Routes.OrderBy(r => r.Line).ToList(),
            _envReads.Concat(DjangoSecretKeyReads()).OrderBy(e => e.Line).ToList(),
            _settings.Build(),
            serverCalls.OrderBy(s => s.Line).ToList(),
            _moduleStrings.OrderBy(s => s.Line).ToList(),
            _logging.Build(),
            _hasMainGuard)
        {
            AppCalls = _appCalls.OrderBy(c => c.Line).ToList(),
            Writes = _writes.Build(),
            PathConstants = _writes.Constants(),
            DjangoSettings = _django.Build(),
            ServedFolders = _served.Build(),
            NamedPaths = _served.Named,
            DerivedClasses = _settings.Derived,
            Enums = _choices.Enums,
            ChoiceTables = _choices.Tables,
            FallbackReads = _choices.Fallbacks,
            EnvComparisons = _choices.Comparisons,
            EnvFileReads = _libraryEnv.EnvFiles,
        };
    }

    /// <summary>The SECRET_KEY reads of a Django settings module (one that sets INSTALLED_APPS or ROOT_URLCONF), as required.</summary>
    private IEnumerable<EnvRead> DjangoSecretKeyReads() =>
        _variables.ContainsKey((null, "INSTALLED_APPS")) || _variables.ContainsKey((null, "ROOT_URLCONF"))
            ? _secretKeyReads.Select(r => r with { Required = true })
            : [];

    private void VisitFunction(PythonStatement statement)
    {
        _envHelpers.AddFunction(statement);
        var name = statement.Body?.Name ?? "";
        foreach (var decoratorTokens in statement.Decorators)
        {
            if (PythonExpressionParser.ParseFirst(_text, decoratorTokens) is { } decorator)
            {
                Walk(decorator, statement.Scope, null);
                _routes.AddDecorator(decorator, name);
            }
        }

        for (var i = 0; i < statement.Tokens.Count; i++)
        {
            if (statement.Tokens[i].IsOperator("("))
            {
                WalkAll(statement.Tokens.Slice(i), statement.Scope, null); // parameter defaults and annotations
                break;
            }
        }
    }

    private void VisitClass(PythonStatement statement)
    {
        foreach (var decoratorTokens in statement.Decorators)
        {
            WalkAll(decoratorTokens, statement.Scope, null);
        }

        IReadOnlyList<PythonExpression> bases = [];
        IReadOnlyList<CallArgument> keywords = [];
        if (PythonExpressionParser.ParseFirst(_text, statement.Tokens.Slice(1)) is CallExpression header)
        {
            Walk(header, statement.Scope, null);
            bases = [.. header.Arguments.Where(a => a.Keyword is null && a.Stars == 0).Select(a => a.Value)];
            keywords = [.. header.Arguments.Where(a => a.Keyword is not null)];
        }

        if (statement.Body is { Name: { } className } && bases.Select(AppConstructor).FirstOrDefault(c => c is not null) is { } appBase)
        {
            _appSubclasses.TryAdd(className, appBase); // class CTFdFlask(Flask): its instances are Flask apps
        }

        if (statement.Body is { } body)
        {
            _settings.AddClass(body, statement.Scope, bases, keywords, statement.Line);
            _logging.AddClass(body, bases, statement.Line);
            _choices.AddClass(body, bases, statement.Line);
        }
    }

    private void VisitCompound(PythonStatement statement)
    {
        if (statement.Body is { Kind: PythonBlockKind.MainGuard } && statement.Scope.IsModuleLevel)
        {
            _hasMainGuard = true;
        }

        var expressions = PythonExpressionParser.ParseAll(_text, statement.Tokens);
        if (statement.Body is { } body && statement.Tokens[0].Kind == PythonTokenKind.Name && statement.Tokens[0].Text is "if" or "elif")
            GuardedNames(expressions, body);
        foreach (var expression in expressions)
            Walk(expression, statement.Scope, null);
    }

    /// <summary>
    /// <c>if "X" in os.environ:</c> and <c>if os.getenv("X"):</c>: the block runs only when X is set, so the reads in it make
    /// nothing required.
    /// </summary>
    private void GuardedNames(IEnumerable<PythonExpression> condition, PythonBlock body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expression in condition)
        {
            foreach (var node in PythonExpressions.Descendants(expression))
            {
                if (node is CompoundExpression { Operators: var operators } compound && operators.Contains("in") && !operators.Contains("not"))
                {
                    for (var i = 0; i + 1 < compound.Parts.Count; i++)
                    {
                        if (PythonExpressions.StringValue(compound.Parts[i]) is { } name && _names.Refers(compound.Parts[i + 1], PythonKnownNames.Environ))
                            names.Add(name);
                    }
                }
                else if (EnvReadRecognizer.Recognize(node, _names) is { Kind: EnvReadKind.Get } read)
                {
                    names.Add(read.Name);
                }
            }
        }
        if (names.Count > 0)
            _guards[body] = names;
    }

    /// <summary>
    /// Whether the scope runs only when some variable is set: <c>if "X" in os.environ:</c> makes <c>os.environ["X"]</c> safe, and
    /// <c>os.environ["X_ZONE"]</c> under <c>if "X_TOKEN" in os.environ:</c> is needed only by deployments that turn X on.
    /// </summary>
    private bool IsUnderEnvCondition(PythonBlock scope)
    {
        for (var block = scope; block is not null; block = block.Parent)
        {
            if (_guards.ContainsKey(block))
                return true;
        }
        return false;
    }

    private void VisitSimple(PythonStatement statement)
    {
        var tokens = statement.Tokens;
        var first = tokens[0];
        if (first.Kind == PythonTokenKind.Name)
        {
            switch (first.Text)
            {
                case "import" or "from" or "del" or "global" or "nonlocal" or "pass" or "break" or "continue":
                    return;
                case "return":
                    var expressions = PythonExpressionParser.ParseAll(_text, tokens.Slice(1), out var returned);
                    foreach (var expression in expressions)
                    {
                        Walk(expression, statement.Scope, null);
                    }

                    if (returned is CallExpression call && AppConstructor(call.Function) is { } constructor)
                    {
                        AddFactory(statement.Scope, constructor);
                    }

                    return;
            }
        }

        if (statement.Scope.IsModuleLevel && first.IsName(DjangoSettingCollector.Middleware))
        {
            _django.AddMiddlewareStatement(PythonExpressionParser.ParseAll(_text, tokens), statement.Line);
        }
        else if (statement.Scope.IsModuleLevel && (first.IsName(DjangoSettingCollector.StaticFilesStorage) || first.IsName(DjangoSettingCollector.Storages)))
        {
            _django.AddStorageStatement(PythonExpressionParser.ParseAll(_text, tokens), statement.Line);
        }

        if (PythonAssignment.TryRead(tokens) is { } assignment)
        {
            VisitAssignment(statement, assignment);
        }
        else
        {
            WalkAll(tokens, statement.Scope, null);
        }
    }

    private void VisitAssignment(PythonStatement statement, PythonAssignment assignment)
    {
        var scope = statement.Scope;
        var names = assignment.TargetNames;
        PythonExpression? value = null;
        if (assignment.Value is { } valueTokens)
        {
            foreach (var expression in PythonExpressionParser.ParseAll(_text, valueTokens, out value))
            {
                Walk(expression, scope, names.Count > 0 ? names[0] : null);
            }
        }

        if (value is not null)
        {
            _writes.AddAssignment(names, value, statement.Line, scope.Owner is { Kind: PythonBlockKind.Class } cls ? cls.Name : null, scope.IsModuleLevel);
            _choices.AddAssignment(names, value, statement.Line);
            _configReads.AddAssignment(names, value, scope);
            if (scope.IsModuleLevel && names.Count == 1 && EnvReadRecognizer.Recognize(value, _names) is { Kind: EnvReadKind.Get, Default: null } unset && !IsUnderEnvCondition(scope))
                _possiblyNone[names[0]] = unset; // DATABASE_URL = os.environ.get("DATABASE_URL"): None when unset
            if (scope.IsModuleLevel)
            {
                _django.AddAssignment(names, value, statement.Line);
                _routes.AddWrapping(names, value);
                _served.AddAssignment(names, value, statement.Line);
                _served.AddModuleAssignment(names, value, statement.Line);
            }
        }

        if (scope.Owner is { Kind: PythonBlockKind.Class } owner)
        {
            _settings.AddStatement(owner, names, assignment.Annotation, assignment.Value is not null, value, statement.Line);
            _choices.AddClassStatement(owner, names, value);
            return;
        }

        if (value is null)
        {
            return;
        }

        foreach (var name in names)
        {
            _variables[(scope.Owner, name)] = value;
        }


        if (value is CallExpression call)
        {
            RecognizeConstruction(scope, names, call, statement.Line);
        }

        if (scope.IsModuleLevel && PythonExpressions.StringValue(value) is { } literal)
        {
            foreach (var name in names)
            {
                _moduleStrings.Add(new StringAssignment(name, literal, statement.Line));
            }
        }
    }

    /// <summary>The app class a call constructs: a framework's own, or a class of this file derived from one.</summary>
    private string? AppConstructor(PythonExpression function) =>
        _names.Match(PythonKnownNames.AppConstructors, function)
        ?? (function is NameExpression name && _appSubclasses.TryGetValue(name.Name, out var constructor) ? constructor : null);

    private void RecognizeConstruction(PythonBlock scope, IReadOnlyList<string> names, CallExpression call, int line)
    {
        if (AppConstructor(call.Function) is { } constructor)
        {
            foreach (var name in names)
            {
                _appVariables[(scope.Owner, name)] = constructor;
                if (scope.IsModuleLevel)
                {
                    _apps.Add(new AppInstance(name, constructor, line));
                }
            }

            AddFactory(scope, constructor);
            return;
        }

        if (_names.Match(PythonKnownNames.RouterConstructors, call.Function) is { } router)
        {
            if (scope.IsModuleLevel)
            {
                var prefix = PythonExpressions.StringValue(call.Keyword("prefix") ?? call.Keyword("url_prefix"));
                foreach (var name in names)
                {
                    _routers.Add(new RouterInstance(name, router, prefix, line));
                }
            }

            return;
        }

        // app = create_app(): remember the variable holds an app (for app.run(...)).
        var callee = PythonExpressions.DottedName(call.Function);
        var sameFileFactory = call.Function is NameExpression factory && _factoryConstructors.TryGetValue(factory.Name, out var known) ? known : null;
        var built = sameFileFactory
            ?? (callee is not null && callee[(callee.LastIndexOf('.') + 1)..].Contains("app", StringComparison.OrdinalIgnoreCase) ? "" : null);
        if (built is not null)
        {
            foreach (var name in names)
            {
                _appVariables[(scope.Owner, name)] = built;
            }
        }

        if (sameFileFactory is not null)
        {
            // A factory of this file called at module level builds the app object servers import; called inside another
            // function (create_app_wsgi() returning create_app()), that function is a factory too.
            if (scope.IsModuleLevel)
            {
                foreach (var name in names)
                {
                    _apps.Add(new AppInstance(name, sameFileFactory, line));
                }
            }
            else
            {
                AddFactory(scope, sameFileFactory);
            }
        }
        else if (scope.IsModuleLevel && callee is not null && names.Count > 0)
        {
            _appCalls.Add(new AppFromCall(names[0], _names.Imports.Candidates(callee), line));
        }
    }

    private void AddFactory(PythonBlock scope, string constructor)
    {
        if (scope.Owner is { Kind: PythonBlockKind.Function, Name: { } function } owner && !_factories.ContainsKey(owner))
        {
            _factories[owner] = new AppFactory(function, constructor, owner.Line);
            _factoryConstructors.TryAdd(function, constructor);
        }
    }

    private void WalkAll(TokenSpan tokens, PythonBlock scope, string? assignedTo)
    {
        foreach (var expression in PythonExpressionParser.ParseAll(_text, tokens))
        {
            Walk(expression, scope, assignedTo);
        }
    }

    private void Walk(PythonExpression expression, PythonBlock scope, string? assignedTo)
    {
        if (scope.Owner is null)
            _libraryEnv.Assigned(assignedTo, expression);
        foreach (var node in PythonExpressions.Descendants(expression))
        {
            _choices.Visit(node, name => _variables.TryGetValue((scope.Owner, name), out var local) ? local : _variables.GetValueOrDefault((null, name)));
            var raw = EnvReadRecognizer.RecognizeAny(node, _names);
            if (EnvReadRecognizer.Literal(raw) is { } read)
            {
                // SECRET_KEY = os.environ.get("X") in Django settings: Django refuses to start with an empty SECRET_KEY
                if (read is { Required: false, Default: null, Kind: EnvReadKind.Get } && assignedTo == "SECRET_KEY" && scope.Owner is null)
                    _secretKeyReads.Add(read);
                _envReads.Add(read.Required && IsUnderEnvCondition(scope) ? read with { Required = false } : read);
            }
            else if (node is AttributeExpression { Target: CallExpression target } && EnvReadRecognizer.Recognize(target, _names) is { Required: false, Default: null, Kind: EnvReadKind.Get } unguarded)
            {
                // os.environ.get("X").split(" "): None has no .split, so the app fails without X (unless the block runs only when set)
                _envReads.Add(unguarded with { Required = !IsUnderEnvCondition(scope) });
            }
            else if (_envHelpers.Visit(node, raw, scope) is { } helped)
            {
                _envReads.Add(helped);
            }
            else if (_configReads.Recognize(node) is { } configured)
            {
                _envReads.Add(configured.Required && IsUnderEnvCondition(scope) ? configured with { Required = false } : configured);
            }
            else if (_libraryEnv.Visit(node) is { } library)
            {
                _envReads.Add(library.Required && IsUnderEnvCondition(scope) ? library with { Required = false } : library);
            }

            if (node is CallExpression call)
            {
                if (scope.Owner is null)
                    _django.AddCall(call);
                VisitCall(call, scope, assignedTo);
            }
            else if (node is DictExpression dict)
            {
                _logging.AddDict(dict);
            }
        }
    }

    private void VisitCall(CallExpression call, PythonBlock scope, string? assignedTo)
    {
        if (call.Function is NameExpression called)
        {
            if (scope.InMainGuard)
            {
                _calledUnderMainGuard.Add(called.Name);
            }

            if (scope.TopLevelFunction is { Name: { } caller })
            {
                if (!_callGraph.TryGetValue(caller, out var callees))
                {
                    _callGraph[caller] = callees = new HashSet<string>(StringComparer.Ordinal);
                }

                callees.Add(called.Name);
            }
        }

        // create_engine(DATABASE_URL) at import, with DATABASE_URL = os.environ.get(...) above: the app cannot start without it
        if (scope.IsModuleLevel && _names.Match(PythonKnownNames.EngineFactories, call.Function) is not null
            && call.Argument(0, "url") is NameExpression { Name: var url } && _possiblyNone.TryGetValue(url, out var unset))
            _envReads.Add(unset with { Required = true });

        _routes.AddCall(call, assignedTo, target => target is not null && IsAppOrRouterVariable(scope, target));
        _logging.AddCall(call, scope);
        _writes.AddCall(call);
        _served.AddCall(call);
        RecognizeServerCall(call, scope);
    }

    private void RecognizeServerCall(CallExpression call, PythonBlock scope)
    {
        PythonExpression? Variable(string name) =>
            _variables.TryGetValue((scope.Owner, name), out var local) ? local
            : _variables.TryGetValue((null, name), out var global) ? global
            : null;

        string server;
        string? appReference;
        PythonExpression? host;
        PythonExpression? port;
        if (_names.Match(PythonKnownNames.ServerFunctions, call.Function) is { } function)
        {
            server = function;
            var app = call.Argument(0, "app");
            appReference = PythonExpressions.StringValue(app) ?? PythonExpressions.DottedName(app);
            (host, port) = (call.Keyword("host"), call.Keyword("port"));
        }
        else if (call.Function is AttributeExpression { Attribute: "run", Target: NameExpression receiver }
            && AppRunServer(scope, receiver.Name) is { } runner)
        {
            server = runner;
            appReference = receiver.Name;
            (host, port) = (call.Argument(0, "host"), call.Argument(1, "port"));
        }
        else
        {
            return;
        }

        var (portNumber, portEnvVar) = PortExpression.ReadPort(port, _names, Variable);
        var hostText = PortExpression.ReadHost(host, _names, Variable);
        _serverCalls.Add((new ServerCall(server, appReference, hostText, portNumber, portEnvVar, scope.InMainGuard, call.Line), scope.TopLevelFunction?.Name));
    }

    /// <summary>The server an <c>x.run(...)</c> starts when x holds a runnable app, else null.</summary>
    private string? AppRunServer(PythonBlock scope, string variable)
    {
        string? constructor = null;
        if (_appVariables.TryGetValue((scope.Owner, variable), out var local) || _appVariables.TryGetValue((null, variable), out local))
        {
            constructor = local;
        }
        else if (_names.Imports.IsImported(variable) && variable.Contains("app", StringComparison.OrdinalIgnoreCase))
        {
            constructor = "";
        }

        if (constructor is null)
        {
            return null;
        }

        if (constructor.Length > 0)
        {
            return PythonKnownNames.RunnableApps.TryGetValue(constructor, out var runnable) ? runnable : null;
        }

        foreach (var framework in (string[])["flask", "quart", "sanic"])
        {
            if (_names.Imports.ImportsFrom(framework))
            {
                return framework;
            }
        }

        return "app.run";
    }

    private bool IsAppOrRouterVariable(PythonBlock scope, string variable) =>
        _appVariables.ContainsKey((scope.Owner, variable))
        || _appVariables.ContainsKey((null, variable))
        || _routers.Exists(r => r.Variable == variable);

    private HashSet<string> FunctionsReachableFromMainGuard()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(_calledUnderMainGuard);
        while (queue.Count > 0)
        {
            var function = queue.Dequeue();
            if (!reached.Add(function) || !_callGraph.TryGetValue(function, out var callees))
            {
                continue;
            }

            foreach (var callee in callees)
            {
                queue.Enqueue(callee);
            }
        }

        return reached;
    }
}
