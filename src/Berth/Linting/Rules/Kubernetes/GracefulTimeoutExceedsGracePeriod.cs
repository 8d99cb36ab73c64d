using System.Globalization;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8707: terminationGracePeriodSeconds at or below the server's graceful timeout: the kubelet kills workers mid-request before they finish.</summary>
public sealed class GracefulTimeoutExceedsGracePeriod : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8707", "grace-period-below-graceful-timeout", Severity.Warning,
        "terminationGracePeriodSeconds is at or below gunicorn's --graceful-timeout (or uvicorn's --timeout-graceful-shutdown)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            var words = AppContainers.CommandLine(container);
            long? graceful = null;
            string server;
            if (AppContainers.RunsGunicorn(context.App!, container))
            {
                server = "gunicorn's --graceful-timeout";
                graceful = long.TryParse(AppContainers.Option(words, "--graceful-timeout"), CultureInfo.InvariantCulture, out var g) ? g : 30;
            }
            else
            {
                server = "uvicorn's --timeout-graceful-shutdown";
                graceful = long.TryParse(AppContainers.Option(words, "--timeout-graceful-shutdown"), CultureInfo.InvariantCulture, out var u) ? u : null;
            }
            if (graceful is not { } timeout)
                continue;
            var periodNode = pod.Spec["terminationGracePeriodSeconds"] as YamlScalar;
            var period = periodNode?.Integer ?? 30;
            if (period <= timeout)
                findings.Add(Info, pod.Owner, (YamlValue?)periodNode ?? Anchor(container), $"the pod's terminationGracePeriodSeconds is {period}{(periodNode is null ? " (the default)" : "")}, not above {server} of {timeout}s: the kubelet sends SIGKILL before in-flight requests finish",
                    $"terminationGracePeriodSeconds: {timeout + 10}");
        }
    }

    private static YamlValue Anchor(ContainerSpec container) => container.Node.KeyOf("name") as YamlValue ?? container.Node;
}
