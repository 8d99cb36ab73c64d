namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class SingleReplicaTests
{
    [Fact]
    public void Fires_on_one_or_unset_replicas() => KubeCase.Assert("BK8601", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
        #! BK8601
          replicas: 1
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b}
        #! BK8601
        spec:
          serviceName: b
        """);

    [Fact]
    public void Quiet_with_two_replicas_an_hpa_or_in_a_dev_overlay()
    {
        KubeCase.Assert("BK8601", KubeFixtures.Hardened + """

            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: b}
            spec: {replicas: 1}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: b}
            spec: {scaleTargetRef: {kind: Deployment, name: b}, minReplicas: 2, maxReplicas: 5}
            """);
        KubeCase.Assert("BK8601", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {replicas: 1}\n", origin: "k8s/overlays/dev");
    }
}

public sealed class AntiAffinityMissingTests
{
    [Fact]
    public void Fires_on_replicas_without_spreading() => KubeCase.Assert("BK8602", KubeFixtures.Hardened.Replace("  replicas: 2", "#! BK8602\n  replicas: 2", StringComparison.Ordinal));

    [Fact]
    public void Quiet_with_anti_affinity_spread_constraints_or_one_replica() => KubeCase.Assert("BK8602", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: a}}
            spec:
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm: {labelSelector: {matchLabels: {app: a}}, topologyKey: kubernetes.io/hostname}
              containers: [{name: a}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: b}
        spec:
          replicas: 3
          template:
            spec:
              topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}]
              containers: [{name: b}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: c}
        spec: {replicas: 1, template: {spec: {containers: [{name: c}]}}}
        """);

    [Fact]
    public void Fires_when_no_anti_affinity_term_selects_the_workloads_own_pods() => KubeCase.Assert("BK8602", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: a}}
            spec:
              affinity:
                podAntiAffinity:
        #! BK8602
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm: {labelSelector: {matchLabels: {app: not-a}}, topologyKey: kubernetes.io/hostname}
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - {labelSelector: {matchExpressions: [{key: app, operator: In, values: [b]}]}, topologyKey: kubernetes.io/hostname}
              containers: [{name: a}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: b}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: b}}
            spec:
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - {labelSelector: {matchExpressions: [{key: app, operator: In, values: [b]}]}, topologyKey: kubernetes.io/hostname}
              containers: [{name: b}]
        """);
}

public sealed class DisruptionBudgetMissingTests
{
    [Fact]
    public void Fires_on_replicated_workloads_without_a_budget() => KubeCase.Assert("BK8603", KubeFixtures.Hardened.Replace("metadata: {name: web, labels: {app: web}}", "metadata:\n#! BK8603\n  name: web\n  labels: {app: web}", StringComparison.Ordinal));

    [Fact]
    public void Quiet_when_a_budget_covers_it() => KubeCase.Assert("BK8603", KubeFixtures.Hardened + "\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}\n");
}

public sealed class DisruptionBudgetBlocksEvictionTests
{
    [Fact]
    public void Fires_on_no_policy_zero_disruptions_and_min_at_replicas() => KubeCase.Assert("BK8604", KubeFixtures.Hardened + """

        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a}
        #! BK8604
        spec:
          selector: {matchLabels: {app: web}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b}
        spec:
        #! BK8604
          maxUnavailable: 0
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: c}
        spec:
        #! BK8604
          minAvailable: 2
          selector: {matchLabels: {app: web}}
        """);

    [Fact]
    public void Quiet_on_budgets_that_allow_an_eviction() => KubeCase.Assert("BK8604", KubeFixtures.Hardened + """

        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a}
        spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b}
        spec: {maxUnavailable: 25%, selector: {matchLabels: {app: web}}}
        """);
}

public sealed class AutoscaledWithReplicasTests
{
    [Fact]
    public void Fires_when_an_hpa_scales_a_workload_with_replicas() => KubeCase.Assert("BK8605", KubeFixtures.Hardened.Replace("  replicas: 2", "#! BK8605\n  replicas: 2", StringComparison.Ordinal)
        + "\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 6}\n");

    [Fact]
    public void Quiet_without_replicas_or_without_hpa() => KubeCase.Assert("BK8605", KubeFixtures.Hardened);
}

public sealed class AutoscalerReplicasTests
{
    [Fact]
    public void Fires_on_low_minimum_and_max_not_above_min() => KubeCase.Assert("BK8606", """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: a}
        #! BK8606
        spec:
          maxReplicas: 4
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: b}
        spec:
          minReplicas: 3
        #! BK8606
          maxReplicas: 3
        """);

    [Fact]
    public void Quiet_on_two_to_many() => KubeCase.Assert("BK8606", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec: {minReplicas: 2, maxReplicas: 10}\n");
}

public sealed class CronJobDeadlineMissingTests
{
    [Fact]
    public void Fires_without_a_deadline() => KubeCase.Assert("BK8607", """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
        #! BK8607
          schedule: "0 * * * *"
        """);

    [Fact]
    public void Quiet_with_one() => KubeCase.Assert("BK8607", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: a}\nspec: {schedule: '0 * * * *', startingDeadlineSeconds: 300}\n");
}

public sealed class JobRestartPolicyTests
{
    [Fact]
    public void Fires_on_unset_and_always() => KubeCase.Assert("BK8608", """
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
        #! BK8608
              containers: [{name: a}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
        #! BK8608
                  restartPolicy: Always
                  containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_on_never_and_on_failure_and_deployments() => KubeCase.Assert("BK8608", KubeFixtures.Hardened + "\n---\napiVersion: batch/v1\nkind: Job\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: a}]}}}\n");
}

public sealed class JobTtlMissingTests
{
    [Fact]
    public void Fires_on_jobs_without_ttl() => KubeCase.Assert("BK8609", """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        #! BK8609
        spec:
          template: {spec: {restartPolicy: Never, containers: [{name: a}]}}
        """);

    [Fact]
    public void Quiet_with_ttl_and_on_cron_jobs() => KubeCase.Assert("BK8609", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec: {ttlSecondsAfterFinished: 600}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: b}\nspec: {schedule: '@daily'}\n");
}

public sealed class RecreateStrategyTests
{
    [Fact]
    public void Fires_on_recreate() => KubeCase.Assert("BK8610", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          strategy:
        #! BK8610
            type: Recreate
        """);

    [Fact]
    public void Quiet_on_rolling_update() => KubeCase.Assert("BK8610", KubeFixtures.Hardened + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec: {strategy: {type: RollingUpdate}}\n");
}
