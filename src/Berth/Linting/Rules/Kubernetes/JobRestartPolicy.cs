using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8608: a Job or CronJob pod template whose restartPolicy is not Never or OnFailure (unset means Always): the API server refuses it.</summary>
public sealed class JobRestartPolicy : PodRule
{
    public override RuleInfo Info { get; } = new("BK8608", "job-restart-policy", Severity.Error,
        "A Job or CronJob pod template's restartPolicy is unset or Always (it must be Never or OnFailure)", ["kube-score/cronjob-restartpolicy", "kube-linter/restart-policy"]);

    protected override void Check(KubernetesLintContext context, PodTemplate pod, KubernetesFindingSink findings)
    {
        if (pod.Owner.Kind is not ("Job" or "CronJob"))
            return;
        var policy = pod.Spec["restartPolicy"];
        if (policy?.Text is "Never" or "OnFailure")
            return;
        Add(findings, pod, policy ?? pod.Spec.KeyOf("containers") as YamlValue ?? pod.Spec,
            $"{pod.Owner.Display}'s pod template has restartPolicy {policy?.Text ?? "unset (Always)"}: a Job's pods must use Never or OnFailure, so the API server refuses it", "restartPolicy: OnFailure");
    }
}
