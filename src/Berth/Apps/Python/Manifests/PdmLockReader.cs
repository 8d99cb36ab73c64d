namespace Berth.Apps.Python.Manifests;

/// <summary>pdm.lock: <c>[[package]]</c> name, version, <c>groups</c> ("default" is reported as "main") and <c>marker</c>.</summary>
internal static class PdmLockReader
{
    public static IReadOnlyList<LockedPackage> Read(string scanRoot, string path) => Read(TomlDocument.Load(scanRoot, path));

    public static IReadOnlyList<LockedPackage> Read(TomlDocument document)
    {
        var packages = new List<LockedPackage>();
        foreach (var package in TomlDocument.Tables(document.Root, "package"))
        {
            if (TomlDocument.String(package, "name") is not { } name)
                continue;
            var groups = TomlDocument.Strings(package, "groups").Select(g => g == "default" ? "main" : g).Distinct().ToList();
            if (groups.Count == 0)
                groups = ["main"];
            packages.Add(new LockedPackage(
                PythonPackageName.Normalize(name),
                TomlDocument.String(package, "version") ?? "",
                groups,
                TomlDocument.String(package, "marker") ?? TomlDocument.String(package, "markers")));
        }

        return packages;
    }
}
