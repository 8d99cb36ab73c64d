namespace Berth.Kubernetes;

/// <summary>The Kubernetes inputs under the linted paths: loose manifest files, Kustomize folders and Helm charts.</summary>
public sealed record KubernetesInputs(IReadOnlyList<string> ManifestFiles, IReadOnlyList<string> KustomizeFolders, IReadOnlyList<string> ChartFolders)
{
    public bool IsEmpty => ManifestFiles.Count == 0 && KustomizeFolders.Count == 0 && ChartFolders.Count == 0;
}

/// <summary>
/// Finds Kubernetes inputs: a folder holding Chart.yaml is a chart (its files are the chart's), a folder holding kustomization.yaml
/// is a Kustomize tree (its files are read through it), and any other .yaml/.yml file with a top-level apiVersion and kind is a
/// manifest file. Config files (.berth.yaml, .hadolint.yaml) and dependency folders are skipped.
/// </summary>
public static class ManifestDiscovery
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    public static KubernetesInputs Find(IReadOnlyList<string> paths, Func<string, string> read)
    {
        var manifests = new List<string>();
        var kustomize = new List<string>();
        var charts = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var name = Path.GetFileName(path);
                var folder = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
                if (name == "Chart.yaml")
                    charts.Add(folder);
                else if (KustomizeLoader.FileNames.Contains(name))
                    kustomize.Add(folder);
                else if (IsYaml(path) && ManifestFile.LooksLikeManifests(read(path)))
                    manifests.Add(path);
                continue;
            }
            if (!Directory.Exists(path))
                continue;
            var files = YamlFiles(path).Concat(Directory.EnumerateFiles(path, "Kustomization", Recursive).Where(f => !Skipped(f))).ToList();
            var chartFolders = files.Where(f => Path.GetFileName(f) == "Chart.yaml").Select(f => Path.GetDirectoryName(f)!).ToList();
            // A subchart (charts/<name>/Chart.yaml) is rendered by its parent.
            var topCharts = chartFolders.Where(c => !chartFolders.Any(p => p != c && Inside(c, p))).ToList();
            var kustomizeFolders = files.Where(f => KustomizeLoader.FileNames.Contains(Path.GetFileName(f))).Select(f => Path.GetDirectoryName(f)!)
                .Where(k => !topCharts.Any(c => Inside(k, c))).Distinct(StringComparer.Ordinal).ToList();
            charts.AddRange(topCharts);
            kustomize.AddRange(kustomizeFolders);
            manifests.AddRange(files.Where(f => IsYaml(f) && !topCharts.Any(c => Inside(f, c)) && !kustomizeFolders.Any(k => Inside(f, k)))
                .Where(f => !Path.GetFileName(f).StartsWith('.') && ManifestFile.LooksLikeManifests(read(f))));
        }
        return new KubernetesInputs(Distinct(manifests), Distinct(kustomize), Distinct(charts));
    }

    /// <summary>The .yaml and .yml files below a folder, outside dependency and VCS folders, in a stable order.</summary>
    public static IEnumerable<string> YamlFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", Recursive).Where(f => IsYaml(f) && !Skipped(f)).Order(StringComparer.Ordinal);

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    private static bool Skipped(string path) => path.Split(Path.DirectorySeparatorChar).Any(s => s is "node_modules" or ".git" or "bin" or "obj" or ".venv");

    private static bool Inside(string path, string folder) => path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static List<string> Distinct(List<string> items) => [.. items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
