using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>A rule that wants a container's request and limit of one resource set.</summary>
public abstract class ResourceRule : ContainerRule
{
    protected abstract string Resource { get; }

    protected abstract string Consequence { get; }

    protected override void Check(KubernetesLintContext context, PodTemplate pod, ContainerSpec container, KubernetesFindingSink findings)
    {
        var resources = container.Node["resources"];
        var missing = new[] { "requests", "limits" }.Where(kind => resources?[kind]?[Resource] is null).ToList();
        if (missing.Count > 0)
            Add(findings, pod, container.Node.KeyOf("resources") as YamlValue ?? Anchor(container),
                $"{container.Display} of {pod.Owner.Display} sets no {Resource} {string.Join(" or ", missing.Select(m => m.TrimEnd('s')))}: {Consequence}");
    }
}
