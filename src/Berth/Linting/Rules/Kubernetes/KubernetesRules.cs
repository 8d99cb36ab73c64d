namespace Berth.Linting.Rules.Kubernetes;

/// <summary>The Kubernetes family (BK8xxx): input, probes, resources, security, images, references, availability, Helm, Gateway API, the app.</summary>
public static class KubernetesRules
{
    public static IReadOnlyList<KubernetesRule> All { get; } =
    [
        new YamlSyntaxError(),
        new DuplicateYamlKey(),
        new NotAKubernetesObject(),
        new RetiredApiVersion(),
        new UnknownKind(),
        new UnknownField(),
        new WrongFieldType(),
        new InvalidLabelValue(),
    ];
}
