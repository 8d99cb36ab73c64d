using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// poetry.lock: <c>[[package]]</c> name and version; groups from <c>category</c> (poetry 1.x, "main"/"dev") or
/// <c>groups</c> (poetry 2.x); <c>markers</c> as a string or a per-group table.
/// </summary>
internal static class PoetryLockReader
{
    public static IReadOnlyList<LockedPackage> Read(string scanRoot, string path) => Read(TomlDocument.Load(scanRoot, path));

    public static IReadOnlyList<LockedPackage> Read(TomlDocument document)
    {
        var packages = new List<LockedPackage>();
        foreach (var package in TomlDocument.Tables(document.Root, "package"))
        {
            if (TomlDocument.String(package, "name") is not { } name)
                continue;
            var groups = TomlDocument.Strings(package, "groups");
            if (groups.Count == 0)
                groups = [TomlDocument.String(package, "category") ?? "main"];
            string? marker = package.TryGetValue("markers", out var markers)
                ? markers switch
                {
                    string text => text,
                    TomlTable perGroup => TomlDocument.String(perGroup, "main") ?? perGroup.Values.OfType<string>().FirstOrDefault(),
                    _ => null,
                }
                : null;
            var files = TomlDocument.Array(package, "files")?.OfType<TomlTable>().Select(f => TomlDocument.String(f, "file")).OfType<string>().ToList();
            packages.Add(new LockedPackage(PythonPackageName.Normalize(name), TomlDocument.String(package, "version") ?? "", groups, marker)
            {
                Files = files is { Count: > 0 } ? files : null,
            });
        }

        return packages;
    }
}
