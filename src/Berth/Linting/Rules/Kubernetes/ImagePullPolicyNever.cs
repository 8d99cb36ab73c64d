using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8706: imagePullPolicy: Never outside a development overlay: production nodes do not have the locally built image.</summary>
public sealed class ImagePullPolicyNever : ContainerRule
{
    public override RuleInfo Info { get; } = new("BK8706", "image-pull-policy-never", Severity.Warning,
        "imagePullPolicy: Never outside a development overlay or values (dev, local, kind, minikube…)", []);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        if (context.Set.IsDevelopment || container.Node["imagePullPolicy"] is not YamlScalar { Value: "Never" } policy)
            return;
        if (new ManifestSet(pod.Owner.Locate(policy).File, []).IsDevelopment)
            return;
        Add(findings, pod, policy, $"{container.Display} never pulls {container.Node["image"]?.Text}: that works only where the image was built or side-loaded (kind, minikube); on a real cluster the pod fails with ErrImageNeverPull. Keep it in a dev overlay", "imagePullPolicy: IfNotPresent");
    }
}
