namespace Berth.Linting.Rules.Metadata;

/// <summary>The label rules driven by the configuration's label schema (BDF519–BDF527).</summary>
public static class MetadataRules
{
    public static IReadOnlyList<DockerfileRule> All { get; } =
    [
        new MissingRequiredLabel(),
        new SuperfluousLabel(),
        new EmptyLabel(),
        new LabelNotUrl(),
        new LabelNotRfc3339(),
        new LabelNotSpdx(),
        new LabelNotGitHash(),
        new LabelNotSemver(),
        new LabelNotEmail(),
    ];
}
