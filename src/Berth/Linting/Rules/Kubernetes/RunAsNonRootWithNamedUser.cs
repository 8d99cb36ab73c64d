using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8705: runAsNonRoot: true without runAsUser, on an image whose Dockerfile USER is a name (the kubelet cannot verify a name is not
/// root and refuses to start it) or root (it refuses that too).
/// </summary>
public sealed class RunAsNonRootWithNamedUser : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8705", "run-as-non-root-with-named-user", Severity.Error,
        "runAsNonRoot: true without runAsUser, and the app's Dockerfile USER is a name or root: the kubelet refuses to start the container", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        if (context.ImageUser is not { } user || (user.IsNumeric && !user.IsRoot))
            return;
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            if (pod.Effective(container, "runAsNonRoot") is not YamlScalar { Boolean: true } nonRoot || pod.Effective(container, "runAsUser") is YamlScalar { Integer: > 0 })
                continue;
            var message = user.IsRoot
                ? $"{container.Display} sets runAsNonRoot, but the image runs as root ({user.File}:{user.Line}): the kubelet refuses to start it"
                : $"{container.Display} sets runAsNonRoot, but the image's USER is the name '{user.User}' ({user.File}:{user.Line}): the kubelet cannot verify a name is non-root and refuses to start it (CreateContainerConfigError)";
            findings.Add(Info, pod.Owner, nonRoot, message + "; set runAsUser to its numeric UID, or use a numeric USER", "runAsUser: 10001");
        }
    }
}
