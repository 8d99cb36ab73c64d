using Berth.Apps;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8704: a variable the bundler inlines when the image is built, set at run time: the running app ignores the value. With the
/// app's profile, the build-time variables are the ones the scan marked <see cref="EnvVariable.BuildTime"/> (with the line that
/// reads them): for the app's own containers only those; for ConfigMaps and other containers those, and the bundlers' name
/// prefixes (NEXT_PUBLIC_*, VITE_*, REACT_APP_*, PUBLIC_*, NUXT_PUBLIC_*) unless the app reads that name at run time. Without
/// the app, the prefixes.
/// </summary>
public sealed class BuildTimeVariableAtRuntime : KubernetesRule
{
    private static readonly string[] Prefixes = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "PUBLIC_", "NUXT_PUBLIC_"];

    public override RuleInfo Info { get; } = new("BK8704", "build-time-variable-at-runtime", Severity.Warning,
        "A variable the app reads at build time (NEXT_PUBLIC_*, VITE_*, REACT_APP_* or one the scan marked build-time) is set in a container's env or a ConfigMap", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        var env = context.App?.Env ?? [];
        var buildTime = env.Where(e => e.BuildTime).GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var runtime = env.Where(e => !e.BuildTime).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var appContainers = AppContainers.Of(context).Select(a => a.Container.Node).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var pod in context.PodTemplates)
        {
            foreach (var container in pod.AllContainers)
            {
                var ofApp = appContainers.Contains(container.Node);
                foreach (var entry in container.Node["env"]?.Items ?? [])
                {
                    if (entry["name"] is YamlScalar { IsNull: false } name && Why(name.Value, buildTime, ofApp ? null : runtime) is { } why)
                        findings.Add(Info, pod.Owner, name, Message(name.Value, why, $"{container.Display}'s env"));
                }
            }
        }
        foreach (var map in context.Set.OfKind("ConfigMap"))
        {
            foreach (var entry in map.Root["data"]?.Entries ?? [])
            {
                if (Why(entry.Key.Value, buildTime, runtime) is { } why)
                    findings.Add(Info, map, entry.Key, Message(entry.Key.Value, why, $"ConfigMap {map.Name}"));
            }
        }
    }

    /// <summary>
    /// Why the variable is fixed at build time, or null when it is not: the app's scan says it is build-time; else, where prefixes
    /// apply (<paramref name="runtime"/> not null), a bundler's prefix on a name the app does not read at run time.
    /// </summary>
    private static string? Why(string name, Dictionary<string, EnvVariable> buildTime, HashSet<string>? runtime)
    {
        if (buildTime.TryGetValue(name, out var variable))
            return $"the app reads it at build time ({variable.Source}): the bundler inlines its value into the image";
        return runtime is not null && !runtime.Contains(name) && Prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix
            ? $"{prefix}* variables are inlined into the bundle when the image is built" : null;
    }

    private static string Message(string name, string why, string where) =>
        $"{name} is set in {where}, but {why}: the running app never reads this value; pass it as a build argument";
}
