using Berth.Apps;
using Berth.Generation.Kubernetes.Helm;
using Berth.Generation.Kubernetes.Kustomize;

namespace Berth.Generation.Kubernetes;

/// <summary>What <c>berth init --k8s</c> adds to a run: the files (at the output root, one tree for all services) and the plan it prints.</summary>
public sealed record KubernetesArtifacts(KubernetesPlan Plan, IReadOnlyList<GeneratedFile> Files, KubernetesTargets Targets)
{
    /// <param name="repositoryRoot">The scan root: its folder name names the chart and the part-of label.</param>
    public static KubernetesArtifacts? For(string repositoryRoot, IReadOnlyList<IServiceImagePlan> images, KubernetesTargets targets)
    {
        if (targets == KubernetesTargets.None || images.Count == 0)
            return null;
        var name = Path.GetFileName(Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar, '/'));
        var plan = KubernetesPlanner.Plan(name, images.Select(i => (i.Profile, i.Container)).ToList());
        var files = new List<GeneratedFile>();
        if (targets.HasFlag(KubernetesTargets.Kustomize))
            files.AddRange(KustomizeTree.Files(plan));
        if (targets.HasFlag(KubernetesTargets.Helm))
            files.AddRange(HelmChart.Files(plan));
        if (!targets.HasFlag(KubernetesTargets.Kustomize))
        {
            // Without k8s/ the keys-only templates live beside the chart (left out of its package by .helmignore).
            files.AddRange(plan.Workloads.Where(w => w.Secrets.Count > 0).Select(w =>
                new GeneratedFile(SecretTemplatePath(plan, w, targets), KustomizeTree.SecretTemplate(w), $"keys of Secret {w.SecretName}, no values")));
        }
        return new KubernetesArtifacts(plan, files, targets);
    }

    /// <summary>Where a service's keys-only secret template is written.</summary>
    public static string SecretTemplatePath(KubernetesPlan plan, Workload w, KubernetesTargets targets) =>
        targets.HasFlag(KubernetesTargets.Kustomize)
            ? $"{KustomizeTree.Root}/base/{w.Name}/secret.example.env"
            : $"{HelmChart.Folder(plan)}/{w.Name}.secret.example.env";

    /// <summary>The commands to run next, with paths as the user sees them (<paramref name="shown"/> maps an output-relative path).</summary>
    public IReadOnlyList<string> Commands(Func<string, string> shown)
    {
        var commands = new List<string>();
        foreach (var w in Plan.Workloads.Where(w => w.Secrets.Count > 0))
        {
            commands.Add($"secret {w.SecretName}: cp {shown(SecretTemplatePath(Plan, w, Targets))} {w.Name}.secret.env  (fill in the values; keep the copy out of Git)");
            commands.Add($"secret {w.SecretName}: kubectl create secret generic {w.SecretName} --from-env-file={w.Name}.secret.env");
        }
        var images = Plan.Workloads.Select(w => w.Container.Image).Distinct().ToList();
        foreach (var image in images)
        {
            commands.Add($"dev image {image}: docker tag {image} {image}:{KubernetesPlan.DevTag}  (the image built above), then minikube image load {image}:{KubernetesPlan.DevTag}  or  kind load docker-image {image}:{KubernetesPlan.DevTag}  " +
                $"(or build it inside minikube after eval $(minikube docker-env)); the dev overlay sets imagePullPolicy: Never, so the cluster never tries a registry for it");
        }
        if (Targets.HasFlag(KubernetesTargets.Kustomize))
        {
            commands.Add($"dev: kubectl apply -k {shown($"{KustomizeTree.Root}/overlays/dev")}");
            commands.Add($"prod: set images[].newName/newTag (replace {KubernetesPlan.ProdTagPlaceholder}) in {shown($"{KustomizeTree.Root}/overlays/prod/kustomization.yaml")}, then kubectl apply -k {shown($"{KustomizeTree.Root}/overlays/prod")}");
            commands.Add($"gateway (optional, when the cluster has none): kubectl apply -k {shown($"{KustomizeTree.Root}/gateway")}");
            foreach (var w in Plan.Workloads.Where(w => w.Migration is not null))
            {
                commands.Add($"migration {w.Migration!.Name}: after each kubectl apply -k, kubectl wait --for=condition=complete --timeout={MigrationJob.ActiveDeadlineSeconds}s job/{w.Migration.Name}  " +
                    $"before kubectl rollout status deployment/{w.Name} (the Job and the Deployment are applied together; if it fails: kubectl logs job/{w.Migration.Name}, fix, kubectl delete job {w.Migration.Name}, apply again)");
            }
        }
        if (Targets.HasFlag(KubernetesTargets.Helm))
        {
            var chart = shown(HelmChart.Folder(Plan));
            var dev = string.Concat(Plan.Workloads.Select(w =>
                $" --set services.{HelmChart.ValuesKey(w.Name)}.image.tag={KubernetesPlan.DevTag} --set services.{HelmChart.ValuesKey(w.Name)}.image.pullPolicy=Never --set services.{HelmChart.ValuesKey(w.Name)}.autoscaling.enabled=false --set services.{HelmChart.ValuesKey(w.Name)}.replicaCount=1"));
            foreach (var w in Plan.Workloads.Where(w => w.Migration is not null))
                commands.Add($"migration {w.Migration!.Name} (helm): a pre-install,pre-upgrade hook; helm rolls out {w.Name} only after it completes" + (w.Secrets.Count > 0 ? $", so create Secret {w.SecretName} before helm install (the hook reads it)" : ""));
            commands.Add($"helm (dev): helm upgrade --install {Plan.RepositoryName} {chart}{dev}");
            commands.Add($"helm (prod): helm upgrade --install {Plan.RepositoryName} {chart}" +
                string.Concat(Plan.Workloads.Select(w => $" --set services.{HelmChart.ValuesKey(w.Name)}.image.repository=REGISTRY/{w.Container.Image} --set services.{HelmChart.ValuesKey(w.Name)}.image.tag=RELEASE_TAG --set services.{HelmChart.ValuesKey(w.Name)}.topologySpread=true")));
        }
        return commands;
    }
}
