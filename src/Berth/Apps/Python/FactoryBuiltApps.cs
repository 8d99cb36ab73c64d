using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// Module-level apps built by a factory defined in another module: <c>app = create_app()</c> in <c>microblog.py</c>,
/// <c>app = get_application()</c>, <c>app = register_app()</c>. The variable is what a server imports (<c>microblog:app</c>),
/// so it is an app object, not the factory call.
/// </summary>
internal static class FactoryBuiltApps
{
    public static IEnumerable<EntrypointCandidate> Find(IEnumerable<PythonModuleFacts> modules, IReadOnlyList<EntrypointCandidate> candidates)
    {
        var factories = candidates.Where(c => c.IsFactory).ToList();
        if (factories.Count == 0)
            yield break;
        foreach (var module in modules)
        {
            foreach (var call in module.AppCalls)
            {
                if (Factory(module, call, factories) is { } factory)
                    yield return new EntrypointCandidate(module, call.Variable, factory.Framework, false, call.Line, null);
            }
        }
    }

    /// <summary>
    /// The factory the call names: the qualified name matched against the factory's module (a package may re-export it from a
    /// submodule, so the module written may be a parent of the defining one), relative imports resolved from the calling module.
    /// </summary>
    private static EntrypointCandidate? Factory(PythonModuleFacts caller, AppFromCall call, List<EntrypointCandidate> factories)
    {
        foreach (var callee in call.Callees)
        {
            var qualified = Absolute(caller.File, callee);
            var dot = qualified.LastIndexOf('.');
            var function = dot < 0 ? qualified : qualified[(dot + 1)..];
            var module = dot < 0 ? "" : qualified[..dot];
            var named = factories.Where(f => f.Attribute == function && f.Module.File != caller.File).ToList();
            var exact = named.FirstOrDefault(f => EndsWithModule(PythonServiceDetector.ModuleName(f.Module.File), module));
            var reexported = named.FirstOrDefault(f => module.Length > 0 && ContainsModule(PythonServiceDetector.ModuleName(f.Module.File), module));
            if ((exact ?? reexported) is { } found)
                return found;
        }

        return null;
    }

    /// <summary>"." and ".." relative names resolved against the calling file's package.</summary>
    private static string Absolute(string callerFile, string name)
    {
        if (!name.StartsWith('.'))
            return name;
        var package = PythonServiceDetector.ModuleName(callerFile);
        if (!callerFile.EndsWith("/__init__.py", StringComparison.Ordinal))
            package = package.Contains('.', StringComparison.Ordinal) ? package[..package.LastIndexOf('.')] : "";
        var rest = name[1..];
        while (rest.StartsWith('.'))
        {
            package = package.Contains('.', StringComparison.Ordinal) ? package[..package.LastIndexOf('.')] : "";
            rest = rest[1..];
        }

        return package.Length == 0 ? rest : package + "." + rest;
    }

    /// <summary>Module names are relative to the scan root ("project.app.main"); imports are relative to the import root ("app.main").</summary>
    private static bool EndsWithModule(string defining, string written) =>
        written.Length == 0 || defining == written || defining.EndsWith("." + written, StringComparison.Ordinal);

    /// <summary>A package that re-exports the factory: the written module is the defining module's package or an ancestor of it.</summary>
    private static bool ContainsModule(string defining, string written) =>
        defining.StartsWith(written + ".", StringComparison.Ordinal) || defining.Contains("." + written + ".", StringComparison.Ordinal);
}
