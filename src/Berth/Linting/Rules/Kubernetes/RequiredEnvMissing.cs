using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8703: a variable the app requires (read without a default) that the container's env and envFrom do not provide: the app exits at start.</summary>
public sealed class RequiredEnvMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8703", "required-env-missing", Severity.Error,
        "A variable the app requires is not set by the container's env or envFrom (ConfigMaps and Secrets in the set)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.App is not { } app)
            return;
        var required = app.Env.Where(e => e.Required).ToList();
        if (required.Count == 0)
            return;
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            var provided = new HashSet<string>(StringComparer.Ordinal);
            foreach (var env in container.Node["env"]?.Items ?? [])
            {
                if (env["name"]?.Text is { } name)
                    provided.Add(name);
            }
            var opaque = false;
            foreach (var source in container.Node["envFrom"]?.Items ?? [])
            {
                var reference = source["configMapRef"] ?? source["secretRef"];
                var kind = source["configMapRef"] is not null ? "ConfigMap" : "Secret";
                var target = context.Objects.FirstOrDefault(o => o.Is(kind) && o.Name == reference?["name"]?.Text && o.SameNamespace(pod.Owner));
                if (target is null)
                {
                    opaque = true; // an object outside the set may provide anything
                    break;
                }
                var prefix = source["prefix"]?.Text ?? "";
                provided.UnionWith(EnvReferenceMissing.Keys(target).Select(k => prefix + k));
            }
            var missing = required.Where(e => !provided.Contains(e.Name)).ToList();
            if (!opaque && missing.Count > 0)
                findings.Add(Info, pod.Owner, container.Node.KeyOf("name") as YamlValue ?? container.Node,
                    $"{container.Display} does not set {string.Join(", ", missing.Select(m => $"{m.Name} (required at {m.Source})"))}: {app.Name} exits at start without {(missing.Count == 1 ? "it" : "them")}");
        }
    }
}
