using System.Globalization;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8708: more gunicorn/uvicorn workers than the CPU limit can run (gunicorn's guidance is 2 × cores + 1): they are throttled and time out.</summary>
public sealed class WorkersAboveCpuLimit : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8708", "workers-above-cpu-limit", Severity.Warning,
        "The server starts more workers (--workers, -w, WEB_CONCURRENCY) than 2 × the CPU limit + 1", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            if (container.Node["resources"]?["limits"]?["cpu"] is not YamlScalar { IsNull: false } limitNode || Cores(limitNode.Value) is not { } cores)
                continue;
            var words = AppContainers.CommandLine(container);
            var written = AppContainers.Option(words, "--workers", "-w");
            var env = (container.Node["env"]?.Items ?? []).FirstOrDefault(e => e["name"]?.Text == "WEB_CONCURRENCY")?["value"];
            var value = written ?? env?.Text;
            if (!int.TryParse(value, CultureInfo.InvariantCulture, out var workers))
                continue;
            var most = 2 * (int)Math.Ceiling(cores) + 1;
            if (workers > most)
            {
                var node = written is not null ? container.Node["args"] ?? container.Node["command"] ?? limitNode : env ?? limitNode;
                findings.Add(Info, pod.Owner, node, $"{container.Display} starts {workers} workers with a CPU limit of {limitNode.Value}: beyond {most} (2 × cores + 1) they are throttled and requests time out; lower the workers or raise the limit");
            }
        }
    }

    /// <summary>A CPU quantity in cores: "500m" → 0.5, "2" → 2.</summary>
    internal static double? Cores(string quantity) =>
        quantity.EndsWith('m') && double.TryParse(quantity[..^1], CultureInfo.InvariantCulture, out var milli) ? milli / 1000
        : double.TryParse(quantity, CultureInfo.InvariantCulture, out var cores) ? cores : null;
}
