using System.Text.RegularExpressions;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8008: a label key or value that Kubernetes refuses (characters, length, start and end).</summary>
public sealed partial class InvalidLabelValue : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8008", "invalid-label", Severity.Error,
        "A label key or value Kubernetes refuses: over 63 characters, or characters other than letters, digits, '-', '_' and '.' (ends alphanumeric)", ["kube-score/label-values"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var subject in context.Objects)
        {
            Check(subject, subject.Metadata?["labels"], findings);
            if (PodTemplate.Of(subject) is { Metadata: { } metadata } pod && !ReferenceEquals(pod.Metadata, subject.Metadata))
                Check(subject, metadata["labels"], findings);
        }
    }

    private void Check(KubeObject subject, YamlValue? labels, KubernetesFindingSink findings)
    {
        foreach (var entry in labels?.Entries ?? [])
        {
            var key = entry.Key.Value;
            var slash = key.LastIndexOf('/');
            var name = slash < 0 ? key : key[(slash + 1)..];
            if (name.Length is 0 or > 63 || !Name().IsMatch(name) || (slash >= 0 && (slash > 253 || !Prefix().IsMatch(key[..slash]))))
                findings.Add(Info, subject, entry.Key, $"label key '{key}' is not valid: an optional DNS prefix and '/', then a name of 1-63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
            if (entry.Value is YamlScalar value && !value.IsNull && (value.Value.Length > 63 || !Value().IsMatch(value.Value)))
                findings.Add(Info, subject, value, $"label {key} has a value Kubernetes refuses: at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex Name();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex Value();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Prefix();
}
