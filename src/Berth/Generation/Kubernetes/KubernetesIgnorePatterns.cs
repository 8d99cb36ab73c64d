namespace Berth.Generation.Kubernetes;

/// <summary>
/// What <c>berth init --k8s</c> writes at a repository root, as .dockerignore patterns: a service built from the root must not copy
/// its own manifests into the image (nor rebuild the app layer when one changes). Only the generated paths are named, so an app
/// package that happens to be called <c>charts</c> still builds.
/// </summary>
public static class KubernetesIgnorePatterns
{
    public static IReadOnlyList<string> All { get; } =
    [
        "k8s/base", "k8s/overlays", "k8s/gateway",
        "charts/*/Chart.yaml", "charts/*/values.yaml", "charts/*/values.schema.json", "charts/*/.helmignore",
        "charts/*/templates/*.yaml", "charts/*/templates/*.tpl", "charts/*/templates/NOTES.txt", "charts/*/*.secret.example.env",
    ];
}
