using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8607: a CronJob without startingDeadlineSeconds: after 100 missed schedules (controller down, suspended) it stops scheduling for good.</summary>
public sealed class CronJobDeadlineMissing : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8607", "cronjob-deadline-missing", Severity.Warning,
        "A CronJob sets no startingDeadlineSeconds", ["kube-score/cronjob-has-deadline"]);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var job in context.Set.OfKind("CronJob"))
        {
            if (job.Root["spec"] is YamlMap spec && spec["startingDeadlineSeconds"] is null)
                findings.Add(Info, job, spec["schedule"] ?? spec, $"CronJob {job.Name} sets no startingDeadlineSeconds: after 100 missed schedules the controller stops starting it", "startingDeadlineSeconds: 300");
        }
    }
}
