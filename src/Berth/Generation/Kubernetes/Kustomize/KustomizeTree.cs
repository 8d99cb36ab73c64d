using System.Text;
using Berth.Generation.Kubernetes.Gateway;
using Berth.Generation.Kubernetes.Yaml;

namespace Berth.Generation.Kubernetes.Kustomize;

/// <summary>
/// Writes <c>k8s/</c>: the base (one folder per service), the dev overlay (minikube/kind: 1 replica, local tag, never pulled),
/// the prod overlay (pinned image, HPA, topology spread) and the optional Gateway.
/// </summary>
public static class KustomizeTree
{
    public const string Root = "k8s";

    public static IReadOnlyList<GeneratedFile> Files(KubernetesPlan plan)
    {
        var files = new List<GeneratedFile>();
        var baseResources = new List<string>();
        foreach (var w in plan.Workloads)
        {
            foreach (var file in BaseObjects.For(w, plan))
            {
                files.Add(new GeneratedFile($"{Root}/base/{w.Name}/{file.FileName}", YamlText.Document(file.Object), $"{file.Kind} {file.Name ?? w.Name}"));
                baseResources.Add($"{w.Name}/{file.FileName}");
            }
            if (w.Secrets.Count > 0)
                files.Add(new GeneratedFile($"{Root}/base/{w.Name}/secret.example.env", SecretTemplate(w), $"keys of Secret {w.SecretName}, no values"));
        }
        files.Add(new GeneratedFile($"{Root}/base/kustomization.yaml", Kustomization(baseResources, images: null, patches: null,
            "The base: every service's objects. Apply an overlay (k8s/overlays/dev or prod), not the base itself."), "Kustomize base"));

        files.Add(new GeneratedFile($"{Root}/overlays/dev/kustomization.yaml", Kustomization(["../../base"],
            Images(plan, w => new YamlMap().Add("name", w.Container.Image).Add("newTag", KubernetesPlan.DevTag)),
            plan.Workloads.SelectMany(w => DevPatches(w).Select(p => p.File)).ToList(),
            "dev: minikube or kind. One replica, no HPA or PDB, the image tagged :dev and loaded into the cluster (imagePullPolicy Never)."), "dev overlay"));
        foreach (var w in plan.Workloads)
        {
            foreach (var (file, purpose, patch) in DevPatches(w))
                files.Add(new GeneratedFile($"{Root}/overlays/dev/{file}", YamlText.Document(patch), purpose));
        }

        files.Add(new GeneratedFile($"{Root}/overlays/prod/kustomization.yaml", Kustomization(["../../base"],
            Images(plan, w => new YamlMap().Add("name", w.Container.Image).Add("newName", $"registry.example.com/{plan.RepositoryName}/{w.Container.Image}").Add("newTag", KubernetesPlan.ProdTagPlaceholder)),
            plan.Workloads.Select(w => $"{w.Name}.yaml").ToList(),
            $"prod: set images[].newName to your registry and newTag to the release tag (or replace it with digest: sha256:...) before applying;\n{KubernetesPlan.ProdTagPlaceholder} cannot be pulled, so a forgotten tag fails loudly instead of shipping an old image."), "prod overlay"));
        foreach (var w in plan.Workloads)
            files.Add(new GeneratedFile($"{Root}/overlays/prod/{w.Name}.yaml", YamlText.Document(ProdPatch(w, plan)), $"{w.Name}: spread across nodes and zones"));

        files.Add(new GeneratedFile($"{Root}/gateway/gateway.yaml", YamlText.Document(GatewayObjects.Gateway(plan)), $"optional Gateway {plan.Gateway.Name}"));
        files.Add(new GeneratedFile($"{Root}/gateway/kustomization.yaml", Kustomization(["gateway.yaml"], null, null,
            $"Optional: a Gateway for the HTTPRoutes, for clusters that do not provide one (needs the Gateway API CRDs and a controller\nwhose GatewayClass is '{plan.Gateway.ClassName}', e.g. Envoy Gateway). Apply with: kubectl apply -k k8s/gateway"), "optional Gateway"));
        return files;
    }

    private static YamlSeq Images(KubernetesPlan plan, Func<Workload, YamlMap> image) =>
        new(plan.Workloads.DistinctBy(w => w.Container.Image).Select(w => (YamlNode)image(w)));

    private static string Kustomization(IReadOnlyList<string> resources, YamlSeq? images, IReadOnlyList<string>? patches, string comment)
    {
        var map = new YamlMap()
            .Add("apiVersion", "kustomize.config.k8s.io/v1beta1")
            .Add("kind", "Kustomization")
            .Add("resources", new YamlSeq(resources.Select(r => (YamlNode)r)));
        if (images is not null)
            map.Add("images", images);
        if (patches is not null)
            map.Add("patches", new YamlSeq(patches.Select(p => (YamlNode)new YamlMap().Add("path", p))));
        var text = new StringBuilder();
        foreach (var line in comment.Split('\n'))
            text.Append("# ").Append(line).Append('\n');
        return text.Append(YamlText.Document(map)).ToString();
    }

    // One patch per file: kustomize 5.6 crashes on several $patch: delete documents in one file.
    private static IEnumerable<(string File, string Purpose, YamlNode Patch)> DevPatches(Workload w)
    {
        yield return ($"{w.Name}.yaml", $"{w.Name}: 1 replica, imagePullPolicy Never", new YamlMap()
            .Add("apiVersion", "apps/v1")
            .Add("kind", "Deployment")
            .Add("metadata", new YamlMap().Add("name", w.Name))
            .Add("spec", new YamlMap()
                .Add("replicas", 1)
                .Add("template", new YamlMap().Add("spec", new YamlMap()
                    .Add("containers", new YamlSeq(new YamlMap().Add("name", w.Name).Add("imagePullPolicy", "Never")))))));
        if (w.Migration is { } migration)
        {
            yield return ($"{migration.Name}.yaml", $"{migration.Name}: imagePullPolicy Never", new YamlMap()
                .Add("apiVersion", "batch/v1")
                .Add("kind", "Job")
                .Add("metadata", new YamlMap().Add("name", migration.Name))
                .Add("spec", new YamlMap()
                    .Add("template", new YamlMap().Add("spec", new YamlMap()
                        .Add("containers", new YamlSeq(new YamlMap().Add("name", MigrationJob.ContainerName).Add("imagePullPolicy", "Never")))))));
        }
        yield return ($"{w.Name}-no-hpa.yaml", $"{w.Name}: no autoscaler in dev", Delete("autoscaling/v2", "HorizontalPodAutoscaler", w.Name));
        if (w.MinReplicas >= 2)
            yield return ($"{w.Name}-no-pdb.yaml", $"{w.Name}: no disruption budget for one replica", Delete("policy/v1", "PodDisruptionBudget", w.Name));
    }

    private static YamlMap Delete(string apiVersion, string kind, string name) => new YamlMap()
        .Add("apiVersion", apiVersion)
        .Add("kind", kind)
        .Add("metadata", new YamlMap().Add("name", name))
        .Add("$patch", "delete");

    private static YamlMap ProdPatch(Workload w, KubernetesPlan plan) => new YamlMap()
        .Add("apiVersion", "apps/v1")
        .Add("kind", "Deployment")
        .Add("metadata", new YamlMap().Add("name", w.Name))
        .Add("spec", new YamlMap()
            .Add("template", new YamlMap().Add("spec", new YamlMap()
                .Add("topologySpreadConstraints", PodParts.TopologySpread(w, plan.RepositoryName)))));

    public static string SecretTemplate(Workload w)
    {
        var text = new StringBuilder();
        text.Append("# Keys of Secret ").Append(w.SecretName).Append(" (berth never writes values). Copy this file outside Git, fill it in, then:\n");
        text.Append("#   kubectl create secret generic ").Append(w.SecretName).Append(" --from-env-file=").Append(w.Name).Append(".secret.env\n");
        foreach (var secret in w.Secrets)
            text.Append("# ").Append(secret.Required ? "required" : "optional").Append(", read at ").Append(secret.Source).Append('\n').Append(secret.Name).Append("=\n");
        return text.ToString();
    }
}
