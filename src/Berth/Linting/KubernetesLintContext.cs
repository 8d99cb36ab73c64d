using Berth.Apps;
using Berth.Kubernetes;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>The image user the app's Dockerfile ends with (its final USER), and where that line is.</summary>
public sealed record ImageUser(string User, string File, int Line)
{
    /// <summary>Numeric UID (optionally uid:gid), as the kubelet needs to verify runAsNonRoot.</summary>
    public bool IsNumeric => User.Split(':')[0] is { Length: > 0 } uid && uid.All(char.IsAsciiDigit);

    public bool IsRoot => User.Split(':')[0] is "root" or "0";
}

/// <summary>The working folder the app's Dockerfile ends with (the final stage's last WORKDIR), and where that line is.</summary>
public sealed record ImageWorkdir(string Path, string File, int Line);

/// <summary>What Kubernetes rules see: one manifest set, and the app (and its Dockerfile's USER and WORKDIR) when one was given or found beside.</summary>
public sealed record KubernetesLintContext(ManifestSet Set, ServiceProfile? App = null, ImageUser? ImageUser = null, LintConfiguration? Configuration = null)
{
    public ImageWorkdir? ImageWorkdir { get; init; }

    public IReadOnlyList<KubeObject> Objects => Set.Objects;

    public IEnumerable<PodTemplate> PodTemplates => Set.PodTemplates;
}
