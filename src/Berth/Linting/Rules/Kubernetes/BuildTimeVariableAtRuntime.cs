using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8704: NEXT_PUBLIC_*, VITE_* or REACT_APP_* set at run time: the bundler inlined them at build time, so the running app ignores the value.</summary>
public sealed class BuildTimeVariableAtRuntime : KubernetesRule
{
    private static readonly string[] Prefixes = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "PUBLIC_", "NUXT_PUBLIC_"];

    public override RuleInfo Info { get; } = new("BK8704", "build-time-variable-at-runtime", Severity.Warning,
        "A NEXT_PUBLIC_*, VITE_*, REACT_APP_* (or other bundler-inlined) variable is set in a container's env or a ConfigMap", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var pod in context.PodTemplates)
        {
            foreach (var container in pod.AllContainers)
            {
                foreach (var env in container.Node["env"]?.Items ?? [])
                {
                    if (env["name"] is YamlScalar { IsNull: false } name && Prefix(name.Value) is { } prefix)
                        findings.Add(Info, pod.Owner, name, Message(name.Value, prefix, $"{container.Display}'s env"));
                }
            }
        }
        foreach (var map in context.Set.OfKind("ConfigMap"))
        {
            foreach (var entry in map.Root["data"]?.Entries ?? [])
            {
                if (Prefix(entry.Key.Value) is { } prefix)
                    findings.Add(Info, map, entry.Key, Message(entry.Key.Value, prefix, $"ConfigMap {map.Name}"));
            }
        }
    }

    private static string? Prefix(string name) => Prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));

    private static string Message(string name, string prefix, string where) =>
        $"{name} is set in {where}, but {prefix}* variables are inlined into the bundle when the image is built: the running app never reads this value; pass it as a build argument";
}
