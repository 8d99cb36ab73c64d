using Berth.Kubernetes;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Rules.Kubernetes;

/// <summary>Writes a chart to a temporary folder, loads it (rendered with the given tools) and lints it.</summary>
internal static class ChartCase
{
    public const string ChartYaml = "apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: \"1.0\"\n";

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
          labels: {app.kubernetes.io/name: web, app.kubernetes.io/instance: {{ .Release.Name }}, app.kubernetes.io/managed-by: {{ .Release.Service }}}
        spec:
          replicas: {{ .Values.replicas }}
          selector: {matchLabels: {app.kubernetes.io/name: web}}
          template:
            metadata: {labels: {app.kubernetes.io/name: web}}
            spec:
              containers:
                - name: web
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  imagePullPolicy: {{ .Values.image.pullPolicy }}
        """;

    public const string Values = "replicas: 2\nimage:\n  repository: ghcr.io/acme/web\n  tag: \"1.0\"\n  pullPolicy: IfNotPresent\n";

    public static (IReadOnlyList<Finding> Findings, string Root) Lint(IReadOnlyDictionary<string, string> files, string? helm = null, HelmValues? values = null)
    {
        var tree = new TempTree(files.ToDictionary(f => "web/" + f.Key, f => f.Value));
        var set = HelmChartLoader.Load(Path.Combine(tree.Root, "web"), new RendererTools(null, helm), values ?? HelmValues.None, File.ReadAllText);
        return (KubernetesLinter.Lint(set), tree.Root);
    }

    public static Dictionary<string, string> Chart(string? chartYaml = null, string? values = null, string? template = null) => new()
    {
        ["Chart.yaml"] = chartYaml ?? ChartYaml,
        ["values.yaml"] = values ?? Values,
        ["values.schema.json"] = "{}",
        ["templates/deployment.yaml"] = template ?? Deployment,
    };
}
