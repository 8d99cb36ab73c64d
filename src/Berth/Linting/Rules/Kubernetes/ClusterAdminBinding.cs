using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8320: a RoleBinding or ClusterRoleBinding that grants the cluster-admin ClusterRole: every permission, everywhere.</summary>
public sealed class ClusterAdminBinding : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8320", "cluster-admin-binding", Severity.Error,
        "A RoleBinding or ClusterRoleBinding to the cluster-admin ClusterRole",
        ["kube-linter/cluster-admin-role-binding", "polaris/clusterrolebindingClusterAdmin", "polaris/rolebindingClusterAdminClusterRole"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var binding in context.Set.Objects.Where(o => o.Kind is "RoleBinding" or "ClusterRoleBinding"))
        {
            var roleRef = binding.Root["roleRef"];
            if (roleRef?["kind"]?.Text == "ClusterRole" && roleRef["name"] is YamlScalar { Value: "cluster-admin" } name)
                findings.Add(Info, binding, name, $"{binding.Display} grants cluster-admin: every verb on every resource{(binding.Kind == "ClusterRoleBinding" ? " in every namespace" : " in its namespace")}; bind a Role with only the verbs and resources the subject needs");
        }
    }
}
