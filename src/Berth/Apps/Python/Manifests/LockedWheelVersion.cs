namespace Berth.Apps.Python.Manifests;

/// <summary>
/// The Python minor a version range leaves open, checked against the lock's wheel lists: a locked production package with compiled
/// code (a wheel whose ABI is a CPython one) that has no wheel for the chosen minor on manylinux x86_64 would build from source in the
/// image — slow, and failing without its headers. When another minor the range allows has wheels of every such package, the newest of
/// those is chosen instead, and the scan says why. A minor the repository states outright (.python-version, runtime.txt, its own
/// Dockerfile) is never changed: only the packages that will build from source are named.
/// </summary>
public static class LockedWheelVersion
{
    public static PythonVersionChoice Choose(PythonVersionChoice choice, PythonManifests manifests, List<Evidence> evidence, List<string> notes)
    {
        if (manifests.LockFile is not { } lockFile)
            return choice;
        var compiled = manifests.LockedPackages
            .Where(p => p.Groups.Contains(UvLockReader.MainGroup) && p.Files is { Count: > 0 } && p.Files.Any(IsCompiledWheel))
            .ToList();
        if (compiled.Count == 0)
            return choice;
        var missing = WithoutWheels(compiled, choice.Version);
        if (missing.Count == 0)
            return choice;
        var names = Names(missing);
        if (choice.Source is not ("requires-python" or "poetry python") || manifests.RequiresPython is not { } range)
        {
            notes.Add($"{lockFile} has no wheel for Python {choice.Version} (from {choice.Source}) of {names}: they build from source in the builder");
            return choice;
        }
        Pep440Specifier specifier;
        try
        {
            specifier = Pep440Specifier.Parse(range);
        }
        catch (FormatException)
        {
            return choice; // the resolver already reported the range
        }
        var better = PythonVersionResolver.SupportedMinors
            .Where(m => PythonVersionResolver.Allows(specifier, m))
            .Reverse()
            .FirstOrDefault(m => WithoutWheels(compiled, m).Count == 0);
        if (better is null)
        {
            notes.Add($"{lockFile} has no wheel for Python {choice.Version} of {names}, and no other Python '{range}' allows has wheels of all of them: they build from source in the builder");
            return choice;
        }
        evidence.Add(new Evidence($"Python {better}, not {choice.Version}: {lockFile} has wheels for {better} of every compiled package, none for {choice.Version} of {names}", lockFile, 0));
        notes.Add($"Python {better} instead of {choice.Version}: {lockFile} locks {names} without a wheel for {choice.Version} (manylinux x86_64), so the image would compile them; '{range}' allows {better}, for which every compiled package has a wheel");
        return choice with { Version = better };
    }

    /// <summary>A wheel built for one CPython ABI (<c>cp311-cp311</c>, <c>cp39-abi3</c>): the package has compiled code.</summary>
    private static bool IsCompiledWheel(string file)
    {
        if (!file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            return false;
        var parts = file[..^4].Split('-');
        return parts.Length >= 5 && parts[^2] != "none";
    }

    private static List<LockedPackage> WithoutWheels(List<LockedPackage> compiled, string minor)
    {
        var cp = "cp" + minor.Replace(".", "", StringComparison.Ordinal);
        return compiled.Where(p => !p.Files!.Any(f => f.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) && SourceBuilds.Fits(f, cp))).ToList();
    }

    private static string Names(List<LockedPackage> packages) =>
        string.Join(", ", packages.Take(5).Select(p => $"{p.Name} {p.Version}")) + (packages.Count > 5 ? $" and {packages.Count - 5} more" : "");
}
