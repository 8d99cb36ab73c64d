using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>Something a server could serve: a module-level app object, an app factory, or a Django project's WSGI/ASGI application.</summary>
public sealed record EntrypointCandidate(PythonModuleFacts Module, string Attribute, Framework Framework, bool IsFactory, int Line, string? DjangoApplication)
{
    public static IEnumerable<EntrypointCandidate> From(PythonModuleFacts module, SourceTree tree)
    {
        foreach (var app in module.Apps)
        {
            if (Framework.ForConstructor(app.Constructor) is { } framework)
                yield return new EntrypointCandidate(module, app.Variable, framework, false, app.Line, null);
        }
        foreach (var factory in module.Factories)
        {
            if (Framework.ForConstructor(factory.Constructor) is { } framework)
                yield return new EntrypointCandidate(module, factory.Function, framework, true, factory.Line, null);
        }

        var wsgi = module.ModuleStrings.FirstOrDefault(s => s.Name == "WSGI_APPLICATION");
        var asgi = module.ModuleStrings.FirstOrDefault(s => s.Name == "ASGI_APPLICATION");
        if ((wsgi ?? asgi) is { } setting && HasManagePy(tree, module.File))
        {
            // Channels projects set ASGI_APPLICATION on purpose; plain Django projects serve WSGI.
            var useAsgi = asgi is not null;
            var chosen = useAsgi ? asgi! : setting;
            yield return new EntrypointCandidate(module, "application", useAsgi ? Framework.DjangoAsgi : Framework.DjangoWsgi, false, chosen.Line, chosen.Value);
        }
        else if (module.ModuleStrings.FirstOrDefault(s => s.Name == "ROOT_URLCONF") is { } urls && ProjectApplication(tree, module.File) is { } project)
        {
            // Settings without WSGI_APPLICATION/ASGI_APPLICATION: the project's wsgi.py (or, with none, asgi.py) beside them is what servers import.
            yield return new EntrypointCandidate(module, "application", project.Asgi ? Framework.DjangoAsgi : Framework.DjangoWsgi, false, urls.Line, project.Dotted);
        }
    }

    /// <summary>
    /// The wsgi.py or asgi.py (a module or a package) of the Django project whose settings are in <paramref name="settingsFile"/>
    /// (<c>proj/settings.py</c> or <c>proj/settings/base.py</c>), as the dotted path of its <c>application</c> from manage.py's folder.
    /// </summary>
    private static (string Dotted, bool Asgi)? ProjectApplication(SourceTree tree, string settingsFile)
    {
        var project = RelativePath.Parent(settingsFile);
        if (project.Split('/')[^1] == "settings")
            project = RelativePath.Parent(project);
        if (ManagePyFolder(tree, settingsFile) is not { } root || project == ".")
            return null;
        foreach (var (name, asgi) in new[] { ("wsgi", false), ("asgi", true) })
        {
            foreach (var file in new[] { RelativePath.Join(project, name + ".py"), RelativePath.Join(project, name + "/__init__.py") })
            {
                if (tree.Exists(file) && RelativePath.Within(RelativePath.Join(project, name), root) is { } module and not ".")
                    return (module.Replace('/', '.') + ".application", asgi);
            }
        }
        return null;
    }

    /// <summary>module:attr as a server imports it with <paramref name="importRoot"/> (relative to the service) on sys.path.</summary>
    public string Reference(string importRoot)
    {
        if (DjangoApplication is { } dotted)
        {
            var dot = dotted.LastIndexOf('.');
            return dot < 0 ? dotted : dotted[..dot] + ":" + dotted[(dot + 1)..];
        }
        return ModulePath(importRoot) + ":" + Attribute + (IsFactory ? "()" : "");
    }

    /// <summary>The dotted module path of the file under the import root.</summary>
    public string ModulePath(string importRoot)
    {
        var moduleName = PythonServiceDetector.ModuleName(Module.File);
        // Strip the service folder and import root: the module file is below both.
        var prefix = ModulePrefix(importRoot);
        return prefix.Length > 0 && moduleName.StartsWith(prefix + ".", StringComparison.Ordinal) ? moduleName[(prefix.Length + 1)..] : moduleName;
    }

    /// <summary>Set by the detector: the service folder, so module paths are relative to it.</summary>
    public string ServicePath { get; init; } = ".";

    private string ModulePrefix(string importRoot)
    {
        var folder = RelativePath.Join(ServicePath, importRoot);
        return folder is "." ? "" : folder.Replace('/', '.');
    }

    /// <summary>Whether a "module:attr" reference (from a Procfile or uvicorn.run) names this candidate.</summary>
    public bool Matches(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;
        var module = reference[..colon];
        var attribute = reference[(colon + 1)..].TrimEnd(')').TrimEnd('(');
        if (DjangoApplication is not null)
            return Reference(".") == reference;
        var full = PythonServiceDetector.ModuleName(Module.File);
        return attribute == Attribute && (full == module || full.EndsWith("." + module, StringComparison.Ordinal));
    }

    private static bool HasManagePy(SourceTree tree, string settingsFile) => ManagePyFolder(tree, settingsFile) is not null;

    private static string? ManagePyFolder(SourceTree tree, string settingsFile)
    {
        for (var folder = RelativePath.Parent(settingsFile); ; folder = RelativePath.Parent(folder))
        {
            if (tree.Exists(RelativePath.Join(folder, "manage.py")))
                return folder;
            if (folder == ".")
                return null;
        }
    }
}
