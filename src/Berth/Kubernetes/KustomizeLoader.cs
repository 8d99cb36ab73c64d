namespace Berth.Kubernetes;

/// <summary>
/// A Kustomize folder as a manifest set: rendered with <c>kubectl kustomize</c> when kubectl is there, each rendered object located
/// in the resource file it came from (same kind, name with prefixes/suffixes allowed; a node by its path, list items by name);
/// without kubectl, the kustomization's own resource files as written.
/// </summary>
public static class KustomizeLoader
{
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public static ManifestSet Load(string folder, RendererTools tools, Func<string, string> read)
    {
        var kustomization = FileNames.Select(n => Path.Combine(folder, n)).First(File.Exists);
        var sources = SourceFiles(folder, read);
        if (tools.Kubectl is null)
        {
            var resources = Resources(kustomization, read).Select(r => Path.Combine(folder, r)).ToHashSet(StringComparer.Ordinal);
            return new ManifestSet(folder, [.. sources.Where(s => resources.Contains(s.File))],
                Kustomization: new KustomizeTree(folder, kustomization, new RenderOutcome(RenderStatus.ToolAbsent, "kubectl")));
        }
        var result = ExternalTool.Run(tools.Kubectl, ["kustomize", Path.GetFullPath(folder)], Directory.GetCurrentDirectory(), TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            var error = result.TimedOut ? "kubectl kustomize timed out" : FirstLines(result.Stderr);
            return new ManifestSet(folder, [], Kustomization: new KustomizeTree(folder, kustomization, new RenderOutcome(RenderStatus.Failed, "kubectl", error)));
        }
        var index = sources.SelectMany(s => s.Objects).ToList();
        var rendered = ManifestFile.Read(folder, result.Stdout, (root, node) => Locate(root, node, index, kustomization));
        return new ManifestSet(folder, [rendered], Kustomization: new KustomizeTree(folder, kustomization, new RenderOutcome(RenderStatus.Rendered, "kubectl")));
    }

    private static SourceLocation Locate(YamlMap root, YamlValue node, List<KubeObject> sources, string kustomization)
    {
        var kind = root["kind"]?.Text;
        var name = root["metadata"]?["name"]?.Text ?? "";
        var candidates = sources.Where(s => s.Kind == kind).ToList();
        var source = candidates.FirstOrDefault(s => s.Name == name)
            ?? candidates.Where(s => s.Name.Length > 0 && name.Contains(s.Name, StringComparison.Ordinal)).MaxBy(s => s.Name.Length);
        if (source is null)
            return new SourceLocation(kustomization, TextSpan.Start); // generated (configMapGenerator...) or from a remote base
        var path = YamlPath.Find(root, node);
        return source.Locate(path is null ? source.Root : YamlPath.Follow(source.Root, path));
    }

    /// <summary>
    /// Every YAML manifest file below the folder and below the folders its kustomization (and theirs, in turn) lists as resources,
    /// read as written: the resources, bases and patches the render came from.
    /// </summary>
    private static List<ManifestFile> SourceFiles(string folder, Func<string, string> read)
    {
        var folders = new List<string>();
        var pending = new Queue<string>([Path.GetFullPath(folder)]);
        while (pending.Count > 0 && folders.Count < 64)
        {
            var current = pending.Dequeue();
            if (folders.Contains(current) || !Directory.Exists(current))
                continue;
            folders.Add(current);
            if (FileNames.Select(n => Path.Combine(current, n)).FirstOrDefault(File.Exists) is not { } kustomization)
                continue;
            foreach (var entry in Entries(kustomization, read).Where(e => !e.Contains("://", StringComparison.Ordinal)))
                pending.Enqueue(Path.GetFullPath(Path.Combine(current, entry)));
        }
        var here = Directory.GetCurrentDirectory();
        return [.. folders.SelectMany(ManifestDiscovery.YamlFiles).Distinct(StringComparer.Ordinal)
            .Where(f => !FileNames.Contains(Path.GetFileName(f)))
            .Select(f => (File: f, Text: read(f)))
            .Where(f => ManifestFile.LooksLikeManifests(f.Text))
            .Select(f => ManifestFile.Read(Path.IsPathRooted(folder) ? f.File : Path.GetRelativePath(here, f.File), f.Text))];
    }

    /// <summary>The files (not folders or URLs) that kustomization.yaml lists under resources (or the old bases).</summary>
    private static IEnumerable<string> Resources(string kustomization, Func<string, string> read) =>
        Entries(kustomization, read).Where(r => r.EndsWith(".yaml", StringComparison.Ordinal) || r.EndsWith(".yml", StringComparison.Ordinal));

    /// <summary>What kustomization.yaml lists under resources, bases and components.</summary>
    private static IEnumerable<string> Entries(string kustomization, Func<string, string> read)
    {
        var tree = YamlTreeReader.Read(read(kustomization));
        var root = tree.Documents.FirstOrDefault()?.Root;
        return new[] { "resources", "bases", "components" }.SelectMany(k => root?[k]?.Items ?? []).Select(i => i.Text ?? "").Where(e => e.Length > 0);
    }

    internal static string FirstLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3);
        var joined = string.Join(" ", lines);
        return joined.Length > 400 ? joined[..400] + "…" : joined;
    }
}
