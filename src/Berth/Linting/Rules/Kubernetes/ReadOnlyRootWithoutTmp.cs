using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8709: the app's container has a read-only root filesystem and no writable volume at /tmp, where Python's tempfile and gunicorn's worker heartbeat write.</summary>
public sealed class ReadOnlyRootWithoutTmp : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8709", "read-only-root-without-tmp", Severity.Error,
        "The app's container sets readOnlyRootFilesystem but mounts nothing writable at /tmp (gunicorn's worker heartbeat and tempfile write there)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            if (container.SecurityContext?["readOnlyRootFilesystem"] is not YamlScalar { Boolean: true } readOnly)
                continue;
            var mounts = container.Node["volumeMounts"]?.Items ?? [];
            if (mounts.Any(m => m["mountPath"]?.Text?.TrimEnd('/') is "/tmp" or "" && m["readOnly"] is not YamlScalar { Boolean: true }))
                continue;
            if (AppContainers.RunsGunicorn(context.App!, container) && AppContainers.Option(AppContainers.CommandLine(container), "--worker-tmp-dir") is { } tmp
                && mounts.Any(m => tmp.StartsWith(m["mountPath"]?.Text ?? "\0", StringComparison.Ordinal)))
                continue;
            findings.Add(Info, pod.Owner, readOnly, $"{container.Display} has a read-only root filesystem and no writable mount at /tmp: {(AppContainers.RunsGunicorn(context.App!, container) ? "gunicorn's workers cannot write their heartbeat file and the server does not start" : "the app's temporary files (uploads, tempfile) fail")}; mount an emptyDir at /tmp",
                "volumeMounts: [{name: tmp, mountPath: /tmp}]   # with volumes: [{name: tmp, emptyDir: {}}]");
        }
    }
}
