using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// Picks the settings module a Django project's image runs with and reads its static and media settings. The default is what
/// manage.py (else wsgi.py, asgi.py) passes to <c>os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)</c>; a production module
/// (<c>settings/production.py</c>, <c>settings/prod.py</c>, as in cookiecutter-django's <c>config/settings/production.py</c>) wins
/// when the repository has one. Settings are read from that module and the modules it star-imports (<c>from .base import *</c>),
/// later lines overriding earlier ones as Python does.
/// </summary>
internal static class DjangoSettingsReader
{
    private const string SettingsVariable = "DJANGO_SETTINGS_MODULE";
    private const int MaxStarImportDepth = 4;
    private static readonly string[] DefaultSetters = ["manage.py", "wsgi.py", "asgi.py"];
    private static readonly string[] ProductionFiles = ["settings/production.py", "settings/prod.py"];

    /// <param name="importRoot">The folder (relative to the scan root) that modules are importable from: manage.py's folder.</param>
    /// <param name="settingsFile">The settings file that names the WSGI/ASGI application: the fallback when nothing sets a default.</param>
    /// <param name="application">The dotted WSGI/ASGI application (<c>site.wsgi.application</c>): its module may wrap it in WhiteNoise.</param>
    public static DjangoFacts Read(IReadOnlyList<PythonModuleFacts> modules, string servicePath, string importRoot, string settingsFile, string? application,
        List<Evidence> evidence, List<string> notes)
    {
        var byName = modules.Where(m => PythonServiceDetector.IsAtOrBelow(m.File, importRoot))
            .GroupBy(m => ModuleName(m.File, importRoot), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var defaults = modules
            .Where(m => DefaultSetters.Contains(PythonServiceDetector.FileName(m.File), StringComparer.Ordinal))
            .OrderBy(m => Array.IndexOf(DefaultSetters, PythonServiceDetector.FileName(m.File)))
            .ThenBy(m => m.File.Length).ThenBy(m => m.File, StringComparer.Ordinal)
            .SelectMany(m => m.EnvReads.Where(r => r is { Name: SettingsVariable, Kind: EnvReadKind.SetDefault, Default: not null })
                .Select(r => (Module: r.Default!, Source: $"{m.File}:{r.Line}")))
            .ToList();
        var (defaultModule, defaultSource) = defaults.Count > 0 ? defaults[0] : (null, null);
        if (defaultModule is not null)
            evidence.Add(At($"{SettingsVariable} defaults to {defaultModule}", defaultSource!));

        var production = byName
            .Where(kv => ProductionFiles.Any(p => kv.Value.File.EndsWith("/" + p, StringComparison.Ordinal) || kv.Value.File == p))
            .OrderByDescending(kv => defaultModule is not null && SamePackage(kv.Key, defaultModule))
            .ThenBy(kv => kv.Value.File.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .FirstOrDefault();

        string module, source;
        if (production is not null)
        {
            module = production;
            source = byName[production].File;
            evidence.Add(new Evidence(production == defaultModule
                ? $"settings module {production}: the production settings, and the default"
                : $"settings module {production}: the repository's production settings, preferred for the image over the default {defaultModule ?? "(none set)"}",
                source, 0));
        }
        else if (defaultModule is not null)
        {
            module = defaultModule;
            source = defaultSource!;
        }
        else
        {
            module = ModuleName(settingsFile, importRoot);
            source = settingsFile;
            evidence.Add(new Evidence($"settings module {module}: the settings that name the application (nothing sets {SettingsVariable})", settingsFile, 0));
        }

        var manage = modules.Where(m => PythonServiceDetector.FileName(m.File) == "manage.py").OrderBy(m => m.File.Length).FirstOrDefault();
        var facts = new DjangoFacts
        {
            SettingsModule = module,
            SettingsSource = source,
            DefaultSettingsModule = defaultModule,
            DefaultSettingsSource = defaultSource,
            ManagePy = manage is null ? null : PythonServiceDetector.Relative(manage.File, servicePath),
        };
        if (!byName.TryGetValue(module, out var settings))
        {
            notes.Add($"{source}: the settings module {module} is not in the repository; Berth could not read STATIC_ROOT or MEDIA_ROOT from it");
            return facts;
        }

        var values = new Dictionary<string, DjangoSetting>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        Apply(settings, values, unreadable, variables, byName, importRoot, 0, []);
        var whiteNoise = values.GetValueOrDefault(DjangoSettingCollector.Middleware) ?? WrappedApplication(application, byName);
        var storage = values.GetValueOrDefault(DjangoSettingCollector.StaticFilesStorage);
        // STATIC_ROOT from a variable's default: where the app itself looks when WhiteNoise serves the files (the image collects there);
        // without WhiteNoise a web server serves them from wherever the deployment sets the variable, so Berth does not guess.
        if (variables.ContainsKey(DjangoSettingCollector.StaticRoot) && whiteNoise is null && storage is null
            && values.Remove(DjangoSettingCollector.StaticRoot, out var fromVariable))
        {
            unreadable[DjangoSettingCollector.StaticRoot] = fromVariable.Source;
            variables.Remove(DjangoSettingCollector.StaticRoot);
        }
        foreach (var (name, where) in unreadable.Where(u => u.Key is DjangoSettingCollector.StaticRoot or DjangoSettingCollector.MediaRoot).OrderBy(u => u.Key, StringComparer.Ordinal))
            notes.Add($"{where}: {name} in {module} is not a literal path (nor BASE_DIR / \"...\", os.path.join(BASE_DIR, \"...\")); Berth cannot tell where it points" +
                (name == DjangoSettingCollector.StaticRoot ? ", so the image does not run collectstatic" : ", so it is not made writable"));
        facts = facts with
        {
            StaticRoot = values.GetValueOrDefault(DjangoSettingCollector.StaticRoot),
            StaticUrl = values.GetValueOrDefault(DjangoSettingCollector.StaticUrl),
            MediaRoot = values.GetValueOrDefault(DjangoSettingCollector.MediaRoot),
            WhiteNoise = whiteNoise,
            StaticRootVariable = variables.GetValueOrDefault(DjangoSettingCollector.StaticRoot),
            StaticStorage = storage,
        };
        if (facts.StaticRoot is { } staticRoot)
            evidence.Add(At($"STATIC_ROOT {staticRoot.Value} in {module}: collectstatic gathers the static files there", staticRoot.Source));
        if (facts is { StaticRoot: { } fromEnv, StaticRootVariable: { } variable })
            notes.Add($"{fromEnv.Source}: STATIC_ROOT comes from ${variable}, default {fromEnv.Value}: the image collects the static files into the default, so leave ${variable} unset when it runs");
        if (facts.StaticStorage is { } stored)
            evidence.Add(At($"{stored.Value} stores the static files of {module}: pages that use {{% static %}} need collectstatic to have run", stored.Source));
        if (facts is { StaticStorage: { } manifest, StaticRoot: null } && manifest.Value.Contains("Manifest", StringComparison.Ordinal))
            notes.Add($"{manifest.Source}: {manifest.Value} needs collectstatic before the app serves a page, and STATIC_ROOT in {module} is not a path Berth can read: run collectstatic in the image build yourself");
        if (facts.MediaRoot is { } mediaRoot)
            evidence.Add(At($"MEDIA_ROOT {mediaRoot.Value} in {module}: uploads are written there", mediaRoot.Source));
        if (facts.WhiteNoise is { } served)
            evidence.Add(At(served.Value == DjangoSettingCollector.WhiteNoiseApplication
                ? $"{served.Value} wraps {application}: the app serves its static files itself"
                : $"{served.Value} in MIDDLEWARE of {module}: the app serves STATIC_ROOT itself", served.Source));
        return facts;
    }

    /// <summary><c>application = WhiteNoise(get_wsgi_application(), root=...)</c> in the module that defines the application.</summary>
    private static DjangoSetting? WrappedApplication(string? application, Dictionary<string, PythonModuleFacts> byName)
    {
        var dot = application?.LastIndexOf('.') ?? -1;
        if (dot <= 0 || !byName.TryGetValue(application![..dot], out var module))
            return null;
        return module.DjangoSettings.FirstOrDefault(s => s.Name == DjangoSettingCollector.WhiteNoiseApplication) is { } wrap
            ? new DjangoSetting(DjangoSettingCollector.WhiteNoiseApplication, $"{module.File}:{wrap.Line}")
            : null;
    }

    /// <summary>The module's settings in statement order: a star import brings the imported module's settings at its line.</summary>
    private static void Apply(PythonModuleFacts module, Dictionary<string, DjangoSetting> values, Dictionary<string, string> unreadable, Dictionary<string, string> variables,
        Dictionary<string, PythonModuleFacts> byName, string importRoot, int depth, HashSet<string> visiting)
    {
        if (!visiting.Add(module.File))
            return;
        var steps = module.Imports.Where(i => i.Names.Any(n => n.Name == "*")).Select(i => (i.Line, Import: (PythonImport?)i, Setting: (DjangoSettingLine?)null))
            .Concat(module.DjangoSettings.Select(s => (s.Line, Import: (PythonImport?)null, Setting: (DjangoSettingLine?)s)))
            .OrderBy(s => s.Line);
        foreach (var (_, import, setting) in steps)
        {
            if (import is not null)
            {
                if (depth < MaxStarImportDepth && byName.TryGetValue(Absolute(module.File, import.Module, importRoot), out var imported))
                    Apply(imported, values, unreadable, variables, byName, importRoot, depth + 1, visiting);
            }
            else if (setting!.Name == DjangoSettingCollector.WhiteNoiseApplication)
            {
                // not a setting: read from the application's module
            }
            else if (setting.Value is null)
            {
                values.Remove(setting.Name);
                variables.Remove(setting.Name);
                if (setting.IsNone)
                    unreadable.Remove(setting.Name);
                else
                    unreadable[setting.Name] = $"{module.File}:{setting.Line}";
            }
            else
            {
                values[setting.Name] = new DjangoSetting(setting.Value, $"{module.File}:{setting.Line}");
                unreadable.Remove(setting.Name);
                if (setting.Variable is { } variable)
                    variables[setting.Name] = variable;
                else
                    variables.Remove(setting.Name);
            }
        }
        visiting.Remove(module.File);
    }

    /// <summary>The dotted name an import names, relative imports resolved against the importing module's package.</summary>
    private static string Absolute(string importingFile, string imported, string importRoot)
    {
        var dots = imported.Length - imported.TrimStart('.').Length;
        if (dots == 0)
            return imported;
        var package = ModuleName(importingFile, importRoot).Split('.').ToList();
        if (!importingFile.EndsWith("/__init__.py", StringComparison.Ordinal) && package.Count > 0)
            package.RemoveAt(package.Count - 1);
        for (var up = 1; up < dots && package.Count > 0; up++)
            package.RemoveAt(package.Count - 1);
        return string.Join('.', package.Append(imported[dots..]).Where(p => p.Length > 0));
    }

    private static Evidence At(string fact, string source)
    {
        var colon = source.LastIndexOf(':');
        return new Evidence(fact, source[..colon], int.Parse(source[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool SamePackage(string module, string other) =>
        module.Contains('.', StringComparison.Ordinal) && other.Contains('.', StringComparison.Ordinal)
        && module[..module.LastIndexOf('.')] == other[..other.LastIndexOf('.')];

    private static string ModuleName(string file, string importRoot) =>
        PythonServiceDetector.ModuleName(importRoot == "." ? file : PythonServiceDetector.Relative(file, importRoot));
}
