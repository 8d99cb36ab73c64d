namespace Berth.Apps.Python.Stated;

/// <summary>
/// A local package the repository's own Dockerfile installs beside a requirements file of the Dockerfile's folder: the folder is
/// the service (its requirements are the app's dependencies) and the package folder is installed from its path and is where the
/// code imports from.
/// </summary>
public sealed record LocalPackageInstall(string ServiceFolder, string PackageFolder, string RequirementsFile, string File, int Line)
{
    public string Source => $"{File}:{Line}";
}

/// <summary>
/// Reads <see cref="LocalPackageInstall"/>s from Dockerfiles: <c>COPY requirements.txt /tmp/</c>, <c>RUN pip install -r /tmp/requirements.txt</c>,
/// <c>COPY src/ /src/</c>, <c>RUN pip install -e /src</c>. Container paths are mapped back to the build context through the COPY lines
/// (and WORKDIR for relative ones); only a sub-folder with its own setup.py, setup.cfg or pyproject.toml counts as a package.
/// </summary>
public static class DockerfileLocalInstalls
{
    private static readonly string[] PackageManifests = ["setup.py", "setup.cfg", "pyproject.toml"];

    public static IReadOnlyList<LocalPackageInstall> Find(SourceTree tree)
    {
        var found = new List<LocalPackageInstall>();
        foreach (var file in tree.Files)
        {
            var lower = RelativePath.FileName(file).ToLowerInvariant();
            if (!StatedStartReader.IsDockerfile(lower) || lower.Contains("dev", StringComparison.Ordinal) || lower.Contains("test", StringComparison.Ordinal))
                continue;
            found.AddRange(Read(tree, file));
        }
        return found.DistinctBy(f => (f.ServiceFolder, f.PackageFolder)).ToList();
    }

    private static List<LocalPackageInstall> Read(SourceTree tree, string file)
    {
        var folder = RelativePath.Parent(file);
        var copies = new List<(IReadOnlyList<string> Sources, string Destination)>();
        var workdir = "/";
        string? requirements = null;
        var packages = new List<(string Folder, int Line)>();
        foreach (var (text, line) in StatedStartReader.LogicalLines(tree.ReadManifest(file)))
        {
            var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
                continue;
            switch (words[0].ToUpperInvariant())
            {
                case "FROM":
                    copies.Clear();
                    workdir = "/";
                    break;
                case "WORKDIR":
                    workdir = Absolute(words[1], workdir);
                    break;
                case "COPY" or "ADD":
                    var arguments = words.Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                    if (words.Skip(1).Any(w => w.StartsWith("--from", StringComparison.Ordinal)) || arguments.Count < 2)
                        break;
                    copies.Add((arguments[..^1], Absolute(arguments[^1], workdir)));
                    break;
                case "RUN":
                    foreach (var command in text[3..].Split(["&&", ";", "||"], StringSplitOptions.RemoveEmptyEntries))
                    {
                        var (requirementFiles, paths) = PipInstall(command);
                        foreach (var r in requirementFiles)
                        {
                            if (ContextFile(tree, folder, copies, Absolute(r, workdir), r) is { } source && IsRequirementsName(RelativePath.FileName(source)))
                                requirements ??= source;
                        }
                        foreach (var p in paths)
                        {
                            if (ContextFolder(tree, folder, copies, Absolute(p, workdir), p) is { } package && package != folder)
                                packages.Add((package, line));
                        }
                    }
                    break;
            }
        }
        return requirements is null
            ? []
            : packages.Select(p => new LocalPackageInstall(folder, p.Folder, requirements, file, p.Line)).ToList();
    }

    /// <summary>The -r files and the local paths (./x, /x, .) a <c>pip install</c> in <paramref name="command"/> names.</summary>
    private static (List<string> Requirements, List<string> Paths) PipInstall(string command)
    {
        var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'')).ToList();
        var install = words.FindIndex(w => w == "install");
        var requirements = new List<string>();
        var paths = new List<string>();
        if (install < 1 || !words[..install].Any(w => RelativePath.FileName(w) is "pip" or "pip3" || w.StartsWith("pip3.", StringComparison.Ordinal)))
            return (requirements, paths);
        for (var i = install + 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "-r" or "--requirement" && i + 1 < words.Count)
                requirements.Add(words[++i]);
            else if (word.StartsWith("--requirement=", StringComparison.Ordinal))
                requirements.Add(word["--requirement=".Length..]);
            else if (word is "-e" or "--editable" && i + 1 < words.Count)
                paths.Add(words[++i]);
            else if (word is "-c" or "--constraint" or "-i" or "--index-url" or "--extra-index-url" or "-f" or "--find-links" or "-t" or "--target" or "--prefix" or "--root")
                i++;
            else if (!word.StartsWith('-') && (word is "." or ".." || word.StartsWith('/') || word.StartsWith("./", StringComparison.Ordinal) || word.StartsWith("../", StringComparison.Ordinal)))
                paths.Add(word);
        }
        return (requirements, paths);
    }

    /// <summary>The build-context file (relative to the scan root) a COPY put at <paramref name="containerPath"/>.</summary>
    private static string? ContextFile(SourceTree tree, string folder, List<(IReadOnlyList<string> Sources, string Destination)> copies, string containerPath, string written)
    {
        foreach (var (sources, destination) in Enumerable.Reverse(copies))
        {
            foreach (var source in sources)
            {
                var name = RelativePath.FileName(source.TrimEnd('/'));
                var candidate = destination.EndsWith('/') || sources.Count > 1
                    ? destination.TrimEnd('/') + "/" + name
                    : destination;
                if (candidate == containerPath && InContext(tree, folder, source) is { } inContext && tree.Exists(inContext))
                    return inContext;
                // COPY . /app  then  pip install -r /app/requirements.txt
                if (source.TrimEnd('/') is "." or "" && containerPath.StartsWith(destination.TrimEnd('/') + "/", StringComparison.Ordinal)
                    && InContext(tree, folder, containerPath[(destination.TrimEnd('/').Length + 1)..]) is { } below && tree.Exists(below))
                    return below;
            }
        }
        return !written.StartsWith('/') && InContext(tree, folder, written) is { } relative && tree.Exists(relative) ? relative : null;
    }

    /// <summary>The build-context folder holding a package manifest that a COPY put at <paramref name="containerPath"/>.</summary>
    private static string? ContextFolder(SourceTree tree, string folder, List<(IReadOnlyList<string> Sources, string Destination)> copies, string containerPath, string written)
    {
        var target = containerPath.TrimEnd('/');
        foreach (var (sources, destination) in Enumerable.Reverse(copies))
        {
            var root = destination.TrimEnd('/');
            if (sources.Count != 1)
                continue;
            string? candidate = null;
            if (root == target)
                candidate = sources[0].TrimEnd('/');
            else if (target.StartsWith(root + "/", StringComparison.Ordinal) && sources[0].TrimEnd('/') is "." or "")
                candidate = target[(root.Length + 1)..];
            if (candidate is not null && InContext(tree, folder, candidate) is { } inContext && IsPackage(tree, inContext))
                return inContext;
        }
        return !written.StartsWith('/') && InContext(tree, folder, written) is { } relative && IsPackage(tree, relative) ? relative : null;
    }

    private static bool IsPackage(SourceTree tree, string folder) => PackageManifests.Any(m => tree.Exists(RelativePath.Join(folder, m)));

    private static string? InContext(SourceTree tree, string folder, string path)
    {
        var trimmed = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        if (trimmed.Length == 0 || trimmed == ".")
            return folder;
        if (trimmed.StartsWith('/') || trimmed.Contains("..", StringComparison.Ordinal) || trimmed.Contains('$', StringComparison.Ordinal) || trimmed.Contains('*', StringComparison.Ordinal))
            return null;
        return RelativePath.Join(folder, trimmed.TrimEnd('/'));
    }

    private static bool IsRequirementsName(string name) =>
        name.EndsWith(".txt", StringComparison.Ordinal) && name.StartsWith("requirements", StringComparison.Ordinal) && !name.Contains("dev", StringComparison.Ordinal) && !name.Contains("test", StringComparison.Ordinal);

    private static string Absolute(string path, string workdir)
    {
        var trailing = path.EndsWith('/') && path.Length > 1;
        var full = path.StartsWith('/') ? path : workdir.TrimEnd('/') + "/" + path;
        return "/" + RelativePath.Resolve("", full) + (trailing ? "/" : "");
    }
}
