using Berth.Apps;
using Berth.Verification.Images;

namespace Berth.Verification.Checks;

/// <summary>Files that should not be in a production image, found in the stacked filesystem (names and sizes only, never contents).</summary>
public static class FileChecks
{
    /// <summary>Folders where third-party packages keep their own data: their test fixtures are not the app's.</summary>
    private static readonly string[] PackageFolders = ["site-packages/", "dist-packages/", "node_modules/", "usr/share/", "usr/lib/python3"];

    private static readonly string[] CompilerNames = ["gcc", "cc", "g++", "c++", "clang", "clang++", "make", "gmake", "ld", "as"];

    private static readonly string[] ShellPaths = ["bin/sh", "bin/bash", "bin/dash", "bin/ash", "bin/busybox", "busybox/sh", "usr/bin/sh", "usr/bin/bash"];

    public static CheckResult Dotenv(ImageFacts image)
    {
        var found = image.FileSystem.Files
            .Where(f => f.File.Kind is LayerFileKind.File or LayerFileKind.Symlink && DotenvFiles.HoldsValues(Name(f.Path)) && !InPackageFolder(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0)
            return CheckResult.Pass(VerifyCheck.NoDotenv, "no .env file in the image");
        return CheckResult.Fail(VerifyCheck.NoDotenv,
            $"{found.Count} .env file{(found.Count == 1 ? "" : "s")} in the image: {string.Join(", ", found.Take(5).Select(f => "/" + f.Path))} — exclude .env* in .dockerignore and pass settings at run time",
            [.. found.Select(f => $"/{f.Path} ({f.File.Size} bytes) from {image.LayerLabel(f.Layer)}")]);
    }

    /// <summary>.git folders, package-manager caches and apt lists/archives added by the image's own layers (the base's are not yours to fix).</summary>
    public static CheckResult VcsOrCaches(ImageFacts image)
    {
        var hits = new SortedDictionary<string, List<PlacedFile>>(StringComparer.Ordinal);
        foreach (var file in image.FileSystem.Files)
        {
            if (!image.IsOwn(file) || file.File.Kind == LayerFileKind.Directory)
                continue;
            if (Category(file.Path) is { } category)
            {
                if (!hits.TryGetValue(category, out var list))
                    hits[category] = list = [];
                list.Add(file);
            }
        }
        if (hits.Count == 0)
            return CheckResult.Pass(VerifyCheck.NoVcsOrCaches, "no .git folder, package-manager cache or apt list in the image's own layers");
        var summary = hits.Select(h => $"{h.Key} ({h.Value.Count} files, {ImageChecks.Megabytes(h.Value.Sum(f => f.File.Size))})");
        var evidence = hits.SelectMany(h => h.Value.OrderByDescending(f => f.File.Size).ThenBy(f => f.Path, StringComparer.Ordinal).Take(3)
            .Select(f => $"{h.Key}: /{f.Path} from {image.LayerLabel(f.Layer)}")).ToList();
        return CheckResult.Fail(VerifyCheck.NoVcsOrCaches, string.Join("; ", summary), evidence);
    }

    /// <summary>What kind of leftover a path is, or null.</summary>
    public static string? Category(string path)
    {
        var p = "/" + path;
        if (p.Contains("/.git/", StringComparison.Ordinal) && !InPackageFolder(path))
            return ".git";
        if (p.Contains("/.cache/pip/", StringComparison.Ordinal))
            return "pip cache";
        if (p.Contains("/.cache/pypoetry/", StringComparison.Ordinal))
            return "poetry cache";
        if (p.Contains("/.cache/uv/", StringComparison.Ordinal))
            return "uv cache";
        if (p.Contains("/.cache/pdm/", StringComparison.Ordinal) || p.Contains("/.cache/pipenv/", StringComparison.Ordinal))
            return "pdm/pipenv cache";
        if (p.Contains("/.npm/_cacache/", StringComparison.Ordinal) || p.Contains("/.cache/yarn/", StringComparison.Ordinal) || p.Contains("/.pnpm-store/", StringComparison.Ordinal))
            return "npm/yarn/pnpm cache";
        if (p.StartsWith("/var/lib/apt/lists/", StringComparison.Ordinal) && !p.StartsWith("/var/lib/apt/lists/partial", StringComparison.Ordinal)
            && !p.StartsWith("/var/lib/apt/lists/auxfiles", StringComparison.Ordinal) && Name(path) != "lock")
        {
            return "apt lists";
        }
        if (p.StartsWith("/var/cache/apt/", StringComparison.Ordinal) && (p.EndsWith(".deb", StringComparison.Ordinal) || p.EndsWith(".bin", StringComparison.Ordinal)))
            return "apt archives";
        return null;
    }

    /// <summary>A tests/ or test/ folder inside the app's working directory, added by the image's own layers.</summary>
    public static CheckResult Tests(ImageFacts image)
    {
        var workdir = ImageArchiveReader.Normalize(image.Config.WorkingDir);
        if (workdir.Length == 0)
            return CheckResult.Skip(VerifyCheck.NoTests, "the image sets no WORKDIR: no app folder to look in");
        var prefix = workdir + "/";
        var folders = image.FileSystem.Files
            .Where(f => image.IsOwn(f) && f.Path.StartsWith(prefix, StringComparison.Ordinal) && !InPackageFolder(f.Path) && !f.Path.Contains("/.venv/", StringComparison.Ordinal))
            .Select(f => TestFolder(f.Path[prefix.Length..]))
            .Where(f => f is not null)
            .Select(f => prefix + f)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (folders.Count == 0)
            return CheckResult.Pass(VerifyCheck.NoTests, $"no tests/ folder under /{workdir}");
        return CheckResult.Fail(VerifyCheck.NoTests,
            $"test code shipped in the image: {string.Join(", ", folders.Take(5).Select(f => "/" + f))} — add it to .dockerignore",
            [.. folders.Select(f => "/" + f)]);
    }

    private static string? TestFolder(string relative)
    {
        var parts = relative.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is "tests" or "test")
                return string.Join('/', parts.Take(i + 1));
        }
        return null;
    }

    /// <summary>Compilers and make anywhere on the image's PATH (base layers included: a full base image as runtime is the problem).</summary>
    public static CheckResult BuildTools(ImageFacts image)
    {
        var path = image.Config.EnvValue("PATH");
        var found = new List<string>();
        foreach (var name in CompilerNames)
        {
            if (image.FileSystem.FindOnPath(name, path) is { } location)
                found.Add($"{name} → {location}{Origin(image, location)}");
        }
        foreach (var versioned in image.FileSystem.Files.Where(f => f.File.Kind != LayerFileKind.Directory && IsVersionedCompiler(f.Path)))
            found.Add($"/{versioned.Path}{Origin(image, versioned.Path)}");
        if (found.Count == 0)
            return CheckResult.Pass(VerifyCheck.NoBuildTools, "no compiler or make on PATH");
        found = [.. found.Distinct(StringComparer.Ordinal)];
        return CheckResult.Fail(VerifyCheck.NoBuildTools,
            $"build tools in the runtime image: {string.Join(", ", found.Take(4).Select(f => f.Split(' ')[0]))} — compile in a builder stage and copy only the results",
            found);
    }

    private static bool IsVersionedCompiler(string path)
    {
        if (!path.StartsWith("usr/bin/", StringComparison.Ordinal) && !path.StartsWith("usr/local/bin/", StringComparison.Ordinal))
            return false;
        var name = Name(path);
        var dash = name.LastIndexOf('-');
        if (dash <= 0 || dash == name.Length - 1 || !name[(dash + 1)..].All(char.IsAsciiDigit))
            return false;
        var stem = name[..dash];
        return stem is "gcc" or "g++" or "cpp" or "clang" or "x86_64-linux-gnu-gcc" or "aarch64-linux-gnu-gcc";
    }

    private static string Origin(ImageFacts image, string path) =>
        image.FileSystem.Resolve(path) is { } file ? $" ({image.LayerLabel(file.Layer)})" : "";

    public static CheckResult ShellOnDistroless(ImageFacts image)
    {
        if (!image.DeclaresDistroless)
            return CheckResult.Skip(VerifyCheck.NoShellOnDistroless, "the image is not built on distroless");
        var shells = ShellPaths.Where(p => image.FileSystem.IsExecutableFile(p)).Select(p => "/" + p).ToList();
        if (shells.Count == 0)
            return CheckResult.Pass(VerifyCheck.NoShellOnDistroless, "built on distroless and no shell in the image");
        return CheckResult.Fail(VerifyCheck.NoShellOnDistroless,
            $"the image is declared distroless but has a shell: {string.Join(", ", shells)} (a :debug base, or a shell copied in)",
            [.. shells.Select(s => s + Origin(image, s))]);
    }

    private static bool InPackageFolder(string path) => PackageFolders.Any(p => path.Contains(p, StringComparison.Ordinal) || path.StartsWith(p, StringComparison.Ordinal));

    private static string Name(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[(slash + 1)..] : path;
}
