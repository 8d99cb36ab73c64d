using Berth.Kubernetes;

namespace Berth.Tests.Kubernetes;

public sealed class ManifestFileTests
{
    [Fact]
    public void Lists_are_flattened_and_documents_without_kind_are_strays()
    {
        var file = ManifestFile.Read("all.yaml", """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: one, namespace: web, labels: {app: x}}
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: two}
            ---
            metadata: {name: lost}
            ---
            # only a comment
            """);
        Assert.Equal(["ConfigMap one", "Deployment two"], file.Objects.Select(o => o.Display));
        Assert.Equal("web", file.Objects[0].Namespace);
        Assert.Equal("x", file.Objects[0].Labels["app"]);
        Assert.Equal(4, file.Objects[0].Location.Span.Line);
        var stray = Assert.Single(file.Strays);
        Assert.Contains("apiVersion and kind", stray.Message);
    }

    [Fact]
    public void Manifests_are_recognised_by_top_level_api_version_and_kind()
    {
        Assert.True(ManifestFile.LooksLikeManifests("# x\napiVersion: v1\nkind: Service\n"));
        Assert.False(ManifestFile.LooksLikeManifests("name: app\nversion: 1\n"));
        Assert.False(ManifestFile.LooksLikeManifests("spec:\n  apiVersion: v1\n  kind: X\n"));
    }

    [Fact]
    public void Pod_templates_of_every_workload_kind_are_found()
    {
        var file = ManifestFile.Read("w.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            spec:
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: cron}}
                    spec:
                      initContainers: [{name: init, image: busybox:1}]
                      containers: [{name: job, image: busybox:1}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: bare, labels: {app: bare}}
            spec:
              containers: [{name: c, image: nginx:1}]
            """);
        var pods = file.Objects.Select(PodTemplate.Of).ToList();
        Assert.Equal(["job", "init"], pods[0]!.AllContainers.Select(c => c.Name));
        Assert.Equal("cron", pods[0]!.Labels["app"]);
        Assert.Equal("bare", pods[1]!.Labels["app"]);
    }
}
