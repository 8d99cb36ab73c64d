using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// A folder the app serves, resolved against the repository: the folders (relative to the scan root) the written path can mean,
/// most likely first. One folder when the base is known (the working folder, the module's folder); for a base Berth did not read
/// (<c>BASE_DIR</c> from another module, a settings field), the module's folder and each folder above it up to the root.
/// </summary>
public sealed record ServedFolder(IReadOnlyList<string> Folders, string ServedBy, string? Route, string Source);

/// <summary>Turns the modules' <see cref="ServedFolderClue"/>s into <see cref="ServedFolder"/>s.</summary>
public static class ServedFolders
{
    public static IReadOnlyList<ServedFolder> Resolve(string servicePath, IReadOnlyList<PythonModuleFacts> modules) =>
        modules.SelectMany(m => m.ServedFolders.Select(c => FromNamedPath(servicePath, m.File, c, modules) ?? Resolve(servicePath, m.File, Named(c, modules))))
            .Where(f => f.Folders.Count > 0)
            .ToList();

    /// <summary>A bare name another module of the service defines as a path (<c>from dispatch.config import STATIC_DIR</c>).</summary>
    private static ServedFolder? FromNamedPath(string servicePath, string file, ServedFolderClue clue, IReadOnlyList<PythonModuleFacts> modules)
    {
        if (clue is not { Base: ServedPathBase.Unknown, Path.Length: 0, Reference: { } reference })
            return null;
        var name = reference[(reference.LastIndexOf('.') + 1)..];
        var defining = modules.FirstOrDefault(m => m.NamedPaths.Any(n => n.Name == name));
        if (defining?.NamedPaths.First(n => n.Name == name) is not { } named)
            return null;
        var resolved = Resolve(servicePath, defining.File, clue with { Path = named.Path, Base = named.Base, Up = named.Up, How = $"{clue.How} ({reference}, {defining.File}:{named.Line})" });
        return resolved with { Source = $"{file}:{clue.Line}" };
    }

    /// <summary>
    /// A bare name from another module (<c>settings.FRONTEND_DIR</c>, <c>from .config import STATIC_DIR</c>) whose value is a literal
    /// there: a module-level <c>NAME = "..."</c> or a settings field's default. Relative, it is read from the working folder.
    /// </summary>
    private static ServedFolderClue Named(ServedFolderClue clue, IReadOnlyList<PythonModuleFacts> modules)
    {
        if (clue is not { Base: ServedPathBase.Unknown, Path.Length: 0, Reference: { } reference })
            return clue;
        var name = reference[(reference.LastIndexOf('.') + 1)..];
        var literal = modules.SelectMany(m => m.ModuleStrings).FirstOrDefault(s => s.Name == name)?.Value
            ?? modules.SelectMany(m => m.SettingsClasses).SelectMany(c => c.Fields)
                .FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) && f.Default is not null)?.Default;
        return literal is null || literal.StartsWith('/') ? clue : clue with { Base = ServedPathBase.WorkingFolder, Path = literal.Trim('/'), How = $"{clue.How} ({reference} = \"{literal}\")" };
    }

    private static ServedFolder Resolve(string servicePath, string file, ServedFolderClue clue)
    {
        var folders = new List<string>();
        // Flask reads a relative static_folder, template_folder or send_from_directory path from the app's root_path: its module's folder
        var fromModule = clue.Base == ServedPathBase.WorkingFolder && clue.How is "static_folder" or "template_folder" or "send_from_directory";
        switch (fromModule ? ServedPathBase.ModuleFolder : clue.Base)
        {
            case ServedPathBase.WorkingFolder:
                Add(folders, servicePath, clue.Path);
                break;
            case ServedPathBase.ModuleFolder:
                var folder = RelativePath.Parent(file);
                Add(folders, folder, string.Join('/', Enumerable.Repeat("..", clue.Up).Append(clue.Path).Where(p => p.Length > 0)));
                break;
            case ServedPathBase.Unknown when clue.Path.Length == 0:
                break; // a bare name (send_from_directory(app.static_folder, ...)) says nothing of where the folder is
            default:
                for (var at = RelativePath.Parent(file); ; at = RelativePath.Parent(at))
                {
                    Add(folders, at, clue.Path);
                    if (at == ".")
                        break;
                }
                break;
        }
        return new ServedFolder(folders.Distinct(StringComparer.Ordinal).ToList(), clue.How, clue.Route, $"{file}:{clue.Line}");
    }

    private static void Add(List<string> folders, string from, string path)
    {
        if (Normalise(from, path) is { } folder)
            folders.Add(folder);
    }

    /// <summary>"backend/app" + "../../frontend/dist" → "frontend/dist"; null when the path leaves the scan root.</summary>
    public static string? Normalise(string from, string path)
    {
        var parts = new List<string>(from is "." ? [] : from.Split('/'));
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
                parts.Add(part);
        }
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
