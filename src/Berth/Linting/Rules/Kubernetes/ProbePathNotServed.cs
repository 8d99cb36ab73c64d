using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8701: an HTTP probe of the app's container asks a path the app has no route for: the probe gets 404 and the pod never becomes ready.</summary>
public sealed class ProbePathNotServed : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8701", "probe-path-not-served", Severity.Error,
        "An httpGet probe of the app's container asks a path the app does not serve (from the app's routes)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.App is not { Health.Count: > 0 } app)
            return;
        var routes = app.Health.Select(h => h.Path.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            foreach (var kind in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            {
                if (container.Node[kind]?["httpGet"]?["path"] is not YamlScalar { IsNull: false } path)
                    continue;
                var asked = path.Value.Split('?')[0].TrimEnd('/');
                if (!routes.Contains(asked))
                    findings.Add(Info, pod.Owner, path, $"{kind} of {container.Display} asks {path.Value}, which {app.Name} does not serve (its health routes: {string.Join(", ", app.Health.Select(h => $"{h.Path} ({h.Source})"))}): the probe fails with 404",
                        $"path: {app.Health[0].Path}");
            }
        }
    }
}
