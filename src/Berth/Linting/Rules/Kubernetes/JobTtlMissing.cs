using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8609: a standalone Job without ttlSecondsAfterFinished: finished Jobs and their pods pile up.</summary>
public sealed class JobTtlMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8609", "job-ttl-missing", Severity.Info,
        "A Job sets no ttlSecondsAfterFinished", ["kube-linter/job-ttl-seconds-after-finished"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var job in context.Set.OfKind("Job"))
        {
            if (job.Root["spec"] is YamlMap spec && spec["ttlSecondsAfterFinished"] is null)
                findings.Add(Info, job, job.Root.KeyOf("spec") as YamlValue ?? spec, $"Job {job.Name} sets no ttlSecondsAfterFinished: the finished Job and its pods stay until someone deletes them (and a re-apply cannot rerun it)", "ttlSecondsAfterFinished: 86400");
        }
    }
}
