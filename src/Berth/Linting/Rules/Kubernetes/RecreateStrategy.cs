using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8610: a Deployment with strategy Recreate stops every pod before starting the new ones: each rollout is downtime.</summary>
public sealed class RecreateStrategy : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8610", "recreate-strategy", Severity.Info,
        "A Deployment uses the Recreate strategy", ["kube-score/deployment-strategy", "kube-linter/no-rolling-update-strategy"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var deployment in context.Set.OfKind("Deployment"))
        {
            if (deployment.Root["spec"]?["strategy"]?["type"] is YamlScalar { Value: "Recreate" } type)
                findings.Add(Info, deployment, type, $"{deployment.Display} uses Recreate: every rollout stops all pods before the new ones start (downtime); use RollingUpdate unless two versions must never run together", "type: RollingUpdate");
        }
    }
}
