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
    public static IReadOnlyList<ServedFolder> Resolve(string servicePath, IEnumerable<PythonModuleFacts> modules) =>
        modules.SelectMany(m => m.ServedFolders.Select(c => Resolve(servicePath, m.File, c)))
            .Where(f => f.Folders.Count > 0)
            .ToList();

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
