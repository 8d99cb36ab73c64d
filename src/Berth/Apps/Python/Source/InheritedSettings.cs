namespace Berth.Apps.Python.Source;

/// <summary>
/// Settings classes whose settings base lives in another module: <c>class AppSettings(BaseAppSettings)</c> in
/// <c>core/settings/app.py</c> with <c>BaseAppSettings(BaseSettings)</c> imported from <c>core/settings/base.py</c>, and classes
/// deriving from those in turn. Each module's own reader sees only its file; this pass follows the imports across the tree and
/// promotes such classes to settings classes, with the fields and config they inherit (as pydantic does).
/// </summary>
internal static class InheritedSettings
{
    private const int MaxRounds = 8;
    private const int MaxReExportDepth = 4;

    public static void Resolve(Dictionary<string, PythonModuleFacts> modules)
    {
        // every field knows its own module, so evidence names base.py:13 for a field a subclass elsewhere inherits
        foreach (var (file, module) in modules.ToList())
        {
            if (module.SettingsClasses.Count == 0 && module.DerivedClasses.Count == 0)
                continue;
            modules[file] = module with
            {
                SettingsClasses = [.. module.SettingsClasses.Select(c => c with { Fields = [.. c.Fields.Select(f => f with { File = f.File ?? file })] })],
                DerivedClasses = [.. module.DerivedClasses.Select(c => c with { Fields = [.. c.Fields.Select(f => f with { File = f.File ?? file })] })],
            };
        }
        var pending = modules.Values.SelectMany(m => m.DerivedClasses.Select(d => (Module: m, Class: d))).ToList();
        if (pending.Count == 0)
            return;
        var index = new PythonModuleIndex(modules.Values);

        var settings = new Dictionary<(string File, string Name), SettingsClass>();
        foreach (var module in modules.Values)
        {
            foreach (var declared in module.SettingsClasses)
                settings[(module.File, declared.Name)] = declared;
        }
        var added = new Dictionary<string, List<SettingsClass>>(StringComparer.Ordinal);
        for (var round = 0; round < MaxRounds && pending.Count > 0; round++)
        {
            var promoted = false;
            foreach (var (module, derived) in pending.ToList())
            {
                var parents = derived.Bases.Select(b => Find(module, b, 0)).OfType<SettingsClass>().ToList();
                if (parents.Count == 0)
                    continue;
                var merged = Merge(derived, parents);
                settings[(module.File, derived.Name)] = merged;
                if (!added.TryGetValue(module.File, out var list))
                    added[module.File] = list = [];
                list.Add(merged);
                pending.Remove((module, derived));
                promoted = true;
            }
            if (!promoted)
                break;
        }

        foreach (var (file, classes) in added)
            modules[file] = modules[file] with { SettingsClasses = [.. modules[file].SettingsClasses, .. classes.OrderBy(c => c.Line)] };
        return;

        SettingsClass? Find(PythonModuleFacts module, string dotted, int depth)
        {
            var dot = dotted.LastIndexOf('.');
            if (dot < 0)
            {
                if (settings.TryGetValue((module.File, dotted), out var local))
                    return local;
                if (depth == MaxReExportDepth)
                    return null;
                // from app.core.settings.base import BaseAppSettings  |  from .base import BaseAppSettings as Base
                foreach (var import in module.Imports)
                {
                    foreach (var name in import.Names.Where(n => (n.Alias ?? n.Name) == dotted))
                    {
                        foreach (var target in ModulesNamed(module, import.Module))
                        {
                            if (target.File != module.File && Find(target, name.Name, depth + 1) is { } found)
                                return found; // a re-export through a package's __init__.py is followed too
                        }
                    }
                }
                return null;
            }
            var qualifier = dotted[..dot];
            var className = dotted[(dot + 1)..];
            foreach (var import in module.Imports)
            {
                // from app.core.settings import base; base.BaseAppSettings
                foreach (var name in import.Names.Where(n => (n.Alias ?? n.Name) == qualifier))
                {
                    foreach (var target in ModulesNamed(module, import.Module.EndsWith('.') ? import.Module + name.Name : import.Module + "." + name.Name))
                    {
                        if (settings.TryGetValue((target.File, className), out var found))
                            return found;
                    }
                }
                // import app.core.settings.base as base  |  import app.core.settings.base
                if (import.Names.Count == 0 && (import.Alias ?? import.Module) == qualifier)
                {
                    foreach (var target in ModulesNamed(module, import.Module))
                    {
                        if (settings.TryGetValue((target.File, className), out var found))
                            return found;
                    }
                }
            }
            return null;
        }

        IReadOnlyList<PythonModuleFacts> ModulesNamed(PythonModuleFacts from, string imported) => index.Named(from, imported);
    }

    private static SettingsClass Merge(DerivedClass derived, IReadOnlyList<SettingsClass> parents)
    {
        var fields = new List<SettingsField>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        void Put(SettingsField field)
        {
            if (positions.TryGetValue(field.Name, out var at))
            {
                fields[at] = field;
                return;
            }
            positions[field.Name] = fields.Count;
            fields.Add(field);
        }
        // pydantic's MRO: the first base wins, so later bases' fields go in first and are overwritten
        foreach (var parent in parents.Reverse())
        {
            foreach (var field in parent.Fields)
                Put(field);
        }
        foreach (var field in derived.Fields)
            Put(field);
        return new SettingsClass(
            derived.Name,
            derived.EnvPrefix ?? parents.Select(p => p.EnvPrefix).FirstOrDefault(p => p is not null),
            derived.CaseSensitive ?? parents.Any(p => p.CaseSensitive),
            derived.EnvFile ?? parents.Select(p => p.EnvFile).FirstOrDefault(f => f is not null),
            fields,
            derived.Line);
    }
}
