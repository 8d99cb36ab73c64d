using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// The full prefix a route gets: its router's own prefix, the prefix where that router is included, and so on up through routers
/// included into routers (<c>utils.router</c> → <c>api_router</c> → <c>app.include_router(api_router, prefix=settings.API_V1_STR)</c>),
/// and apps mounted into apps (<c>app.mount("/api/v1", app=api)</c>).
/// A prefix written as a name is resolved to the literal default of the settings field or module constant it names; one that
/// cannot be resolved makes the path partial, and the route says so.
/// </summary>
internal sealed class RoutePrefixes(IReadOnlyList<PythonModuleFacts> modules)
{
    private const int MaxDepth = 8;

    /// <summary>Prefixes written as names that resolve to nothing literal, as "file:line name".</summary>
    public List<string> Unresolved { get; } = [];

    /// <summary>Prefixes resolved from a setting or constant, with where the literal is.</summary>
    public List<Evidence> Resolved { get; } = [];

    public string? For(PythonModuleFacts module, RouteDeclaration route)
    {
        if (route.Target is null)
            return null;
        return Of(module, route.Target, 0);
    }

    private string? Of(PythonModuleFacts module, string variable, int depth)
    {
        var router = module.Routers.FirstOrDefault(r => r.Variable == variable);
        if (depth == MaxDepth)
            return null; // a cycle
        if (router is null && module.Apps.All(a => a.Variable != variable))
            return null; // the app itself
        // a router, or an app mounted into another (app.mount("/api/v1", app=api)): its routes answer below where it is included
        var moduleName = PythonServiceDetector.ModuleName(module.File);
        var (including, inclusion) = modules
            .SelectMany(m => m.Inclusions.Select(i => (Module: m, Inclusion: i)))
            .FirstOrDefault(x => PythonServiceDetector.IncludesRouter(x.Module, x.Inclusion, module, moduleName, variable));
        if (inclusion is null)
            return router?.Prefix;
        var outer = Of(including, inclusion.Target, depth + 1);
        return HealthPaths.Join(outer, PrefixOf(including, inclusion), router?.Prefix);
    }

    private string? PrefixOf(PythonModuleFacts including, RouterInclusion inclusion)
    {
        if (inclusion.PrefixReference is not { } reference)
            return inclusion.Prefix;
        var name = reference[(reference.LastIndexOf('.') + 1)..];
        foreach (var module in modules)
        {
            foreach (var settings in module.SettingsClasses)
            {
                var field = settings.Fields.FirstOrDefault(f => f.Name == name);
                if (field?.Default is { } literal && literal.StartsWith('/'))
                {
                    Resolved.Add(new Evidence($"route prefix {reference} = \"{literal}\" (settings field {settings.Name}.{field.Name} default)", module.File, field.Line));
                    return literal;
                }
            }

            if (module.ModuleStrings.LastOrDefault(s => s.Name == name) is { } constant && (constant.Value.StartsWith('/') || constant.Value.Length == 0))
            {
                Resolved.Add(new Evidence($"route prefix {reference} = \"{constant.Value}\" (module constant)", module.File, constant.Line));
                return constant.Value;
            }
        }

        Unresolved.Add($"{including.File}:{inclusion.Line} {reference}");
        return null;
    }
}
