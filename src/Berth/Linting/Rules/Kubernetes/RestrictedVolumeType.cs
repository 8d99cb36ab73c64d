using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8311: a volume type Pod Security restricted does not allow (anything but configMap, csi, downwardAPI, emptyDir, ephemeral, image, PVC, projected, secret).</summary>
public sealed class RestrictedVolumeType : PodRule
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "name", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret", "hostPath",
    };

    public override RuleInfo Info { get; } = new("BK8311", "restricted-volume-type", Severity.Warning,
        "A volume of a type Pod Security restricted forbids (nfs, iscsi, gitRepo, cloud disks…)", ["pss/restrictedVolumes"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        foreach (var volume in pod.Spec["volumes"]?.Items ?? [])
        {
            foreach (var entry in volume.Entries.Where(e => !Allowed.Contains(e.Key.Value)))
                Add(findings, pod, entry.Key, $"volume '{volume["name"]?.Text}' is a {entry.Key.Value} volume: Pod Security restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret; use a PersistentVolumeClaim");
        }
    }
}
