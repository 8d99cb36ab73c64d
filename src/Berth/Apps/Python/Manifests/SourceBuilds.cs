namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Which locked production packages have no wheel for the image's target — CPython 3.11 on manylinux x86_64, the one Python both
/// runtimes can run — judged from the file lists in the lock (uv.lock <c>wheels</c>, poetry.lock <c>files</c>): those build from
/// source in the builder, which then needs a compiler and the headers of the libraries they link (the native-library table), and
/// the runtime needs those libraries. A package with a source distribution only and no row in the table is taken to be pure
/// Python (a project with C code either ships wheels, which then miss this target, or is in the table): it builds without gcc.
/// </summary>
public static class SourceBuilds
{
    public static IReadOnlyList<NativeLibrary> For(IReadOnlyList<LockedPackage> locked, string? lockFile, string pythonMinor)
    {
        if (lockFile is null)
            return [];
        var cp = "cp" + pythonMinor.Replace(".", "", StringComparison.Ordinal);
        var found = new List<NativeLibrary>();
        foreach (var package in locked.Where(p => p.Groups.Contains(UvLockReader.MainGroup) && p.Files is { Count: > 0 }))
        {
            var wheels = package.Files!.Where(f => f.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)).ToList();
            if (wheels.Any(w => Fits(w, cp)))
                continue;
            var row = NativeLibraryCatalog.Entries.FirstOrDefault(e => e.Name == package.Name && e.Extra is null);
            if (row is null && wheels.Count == 0)
            {
                // A project that publishes no wheel at all and that the table does not name is a pure-Python one in practice (dkimpy,
                // a C extension project ships wheels or is in the table): pip builds it with its build backend, no compiler needed.
                found.Add(new NativeLibrary(package.Name, [], [], false,
                    $"{lockFile} lists a source distribution only for {package.Name} {package.Version}, and Berth's native-library table does not name it: " +
                    "pip builds it in the builder without a compiler, as pure-Python projects build; if that build asks for gcc, the package has C code: install gcc (and its headers) in the builder"));
                continue;
            }
            var build = (row?.Build ?? []).Append("gcc").Append("libc6-dev").Distinct(StringComparer.Ordinal).ToList();
            var reason = $"{lockFile} lists no wheel of {package.Name} {package.Version} for {cp} manylinux x86_64 " +
                (wheels.Count == 0 ? "(a source distribution only)" : $"({wheels.Count} wheel{(wheels.Count == 1 ? "" : "s")}, none for this target: the project has compiled code)") +
                ": it builds from source in the builder" + (row is null ? " (not in Berth's native-library table: a C extension may need more headers)" : "");
            found.Add(new NativeLibrary(package.Name, build, row?.Runtime ?? [], false, reason));
        }
        return found;
    }

    /// <summary>Whether a wheel file name's tags (name-version[-build]-python-abi-platform.whl) run on CPython <paramref name="cp"/>, manylinux x86_64.</summary>
    public static bool Fits(string wheel, string cp)
    {
        var parts = wheel[..^4].Split('-');
        if (parts.Length < 5)
            return false;
        var (pythons, abis, platforms) = (parts[^3].Split('.'), parts[^2].Split('.'), parts[^1].Split('.'));
        var platformFits = platforms.Any(p => p == "any" || p.Contains("x86_64", StringComparison.Ordinal) && (p.StartsWith("manylinux", StringComparison.Ordinal) || p == "linux_x86_64"));
        var minor = int.Parse(cp[3..], System.Globalization.CultureInfo.InvariantCulture);
        var pythonFits = pythons.Any(p => p is "py3" || p == "py" + cp[2..] || p == cp
            || abis.Contains("abi3") && p.StartsWith("cp3", StringComparison.Ordinal) && int.TryParse(p[3..], out var from) && from <= minor);
        var abiFits = abis.Any(a => a is "none" or "abi3" || a == cp);
        return platformFits && pythonFits && abiFits;
    }
}
