namespace Berth.Kubernetes;

/// <summary>A Helm chart: its folder, Chart.yaml and values as read, its templates' text, and whether (and how) it was rendered.</summary>
public sealed record HelmChart(
    string Folder,
    string ChartFile,
    YamlStreamTree Chart,
    string? ValuesFile,
    YamlStreamTree? Values,
    bool HasValuesSchema,
    IReadOnlyList<(string File, string Text)> Templates,
    RenderOutcome Render);

/// <summary>A Kustomize folder (one holding kustomization.yaml) and how it was rendered.</summary>
public sealed record KustomizeTree(string Folder, string KustomizationFile, RenderOutcome Render);

/// <summary>What happened when the renderer was asked: rendered, the tool is absent, or it failed (with its message).</summary>
public sealed record RenderOutcome(RenderStatus Status, string Tool, string? Error = null);

public enum RenderStatus
{
    Rendered,
    ToolAbsent,
    Failed,
}

/// <summary>
/// The objects linted together (cross-object rules look only inside one set): the loose manifest files under the linted paths, one
/// Kustomize folder's output, or one Helm chart's output. <see cref="Origin"/> is the folder or the first file, for messages.
/// </summary>
public sealed record ManifestSet(string Origin, IReadOnlyList<ManifestFile> Files, HelmChart? Chart = null, KustomizeTree? Kustomization = null)
{
    public IReadOnlyList<KubeObject> Objects { get; } = [.. Files.SelectMany(f => f.Objects)];

    public IEnumerable<KubeObject> OfKind(string kind) => Objects.Where(o => o.Is(kind));

    public IEnumerable<PodTemplate> PodTemplates => Objects.Select(PodTemplate.Of).OfType<PodTemplate>();

    /// <summary>A development overlay or values set: a folder on the way named dev, development, local, kind, minikube or test.</summary>
    public bool IsDevelopment => Origin.Replace('\\', '/').Split('/').Any(s => s.ToLowerInvariant() is "dev" or "development" or "local" or "kind" or "minikube" or "test" or "tests" or "sandbox");
}
