using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8321: a Role or ClusterRole rule that allows <c>pods/exec</c> or <c>pods/attach</c> (by name or through <c>*</c>): a shell in
/// any pod it reaches, with that pod's service account, secrets and network.
/// </summary>
public sealed class RbacPodExecAttach : KubernetesRule
{
    private static readonly string[] Dangerous = ["pods/exec", "pods/attach"];

    public override RuleInfo Info { get; } = new("BK8321", "rbac-pod-exec-attach", Severity.Warning,
        "A Role or ClusterRole allows pods/exec or pods/attach",
        ["polaris/clusterrolePodExecAttach", "polaris/rolePodExecAttach", "polaris/clusterrolebindingPodExecAttach", "polaris/rolebindingRolePodExecAttach", "polaris/rolebindingClusterRolePodExecAttach"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var role in context.Set.Objects.Where(o => o.Kind is "Role" or "ClusterRole"))
        {
            foreach (var rule in role.Root["rules"]?.Items.OfType<YamlMap>() ?? [])
            {
                var groups = Strings(rule["apiGroups"]);
                if (groups.Count > 0 && !groups.Contains("") && !groups.Contains("*"))
                    continue; // pods are in the core group
                var resources = Strings(rule["resources"]);
                var verbs = Strings(rule["verbs"]);
                var granted = resources.Contains("*") ? Dangerous : Dangerous.Where(resources.Contains).ToArray();
                if (granted.Length > 0 && (verbs.Contains("*") || verbs.Contains("create") || verbs.Contains("get")))
                    findings.Add(Info, role, rule["resources"] ?? rule, $"{role.Display} allows {string.Join(" and ", granted)}: a shell in every pod it reaches, with that pod's service account and secrets; grant it to people through a separate, audited role");
            }
        }
    }

    private static List<string> Strings(YamlValue? list) => list?.Items.Select(i => i.Text).OfType<string>().ToList() ?? [];
}
