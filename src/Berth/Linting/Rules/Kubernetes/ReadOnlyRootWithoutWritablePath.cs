using Berth.Apps;
using Berth.Generation.Kubernetes;
using Berth.Generation.Python;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>
/// BK8710: the app's container has a read-only root filesystem, and a path the app writes while it runs (a SQLite database, a log
/// file, an upload folder, Next.js' cache: <see cref="ServiceProfile.WritablePaths"/>, each with the line that writes it) is under
/// no writable volume of that container. Relative paths are under the container's workingDir, else the image's WORKDIR (when the
/// Dockerfile beside the app is known), else the folder Berth's own images run the app from. /tmp is BK8709's.
/// </summary>
public sealed class ReadOnlyRootWithoutWritablePath : KubernetesRule
{
    /// <summary>Volume sources the kubelet mounts read-only whatever the mount says.</summary>
    private static readonly string[] ReadOnlySources = ["configMap", "secret", "downwardAPI", "projected"];

    public override RuleInfo Info { get; } = new("BK8710", "read-only-root-without-writable-path", Severity.Error,
        "The app's container sets readOnlyRootFilesystem but a path the app writes is under no writable volume (emptyDir, PVC)", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var (pod, container) in AppContainers.Of(context))
        {
            if (container.SecurityContext?["readOnlyRootFilesystem"] is not YamlScalar { Boolean: true } readOnly)
                continue;
            var (workdir, workdirSource) = WorkingDirectory(context, container);
            var writable = WritableMounts(pod, container);
            foreach (var path in context.App!.WritablePaths)
            {
                var absolute = Absolute(path.Path, workdir);
                // a file needs its folder writable (SQLite writes its journal beside the database): the same folder init mounts
                var folder = path.Path.EndsWith('/') || !System.IO.Path.HasExtension(absolute) ? absolute.TrimEnd('/') : System.IO.Path.GetDirectoryName(absolute)!.Replace('\\', '/');
                if (absolute.TrimEnd('/') == "/tmp" || writable.Any(m => Under(folder, m)))
                    continue;
                var relative = path.Path.StartsWith('/') ? "" : $" ('{path.Path}' under {workdirSource})";
                findings.Add(Info, pod.Owner, readOnly,
                    $"{container.Display} has a read-only root filesystem, but the app writes {absolute}{relative} at {path.Source}: {path.Reason}; no writable volume is mounted there, so the write fails. Mount an emptyDir (or a PersistentVolumeClaim for data to keep) at {folder}",
                    $"volumeMounts: [{{name: {KubernetesPlanner.DnsLabel(folder.Trim('/').Replace('/', '-'), "data")}, mountPath: {folder}}}]   # with a volume: emptyDir: {{}} or persistentVolumeClaim");
            }
        }
    }

    /// <summary>The folder relative paths are under, and where that comes from (for the message).</summary>
    private static (string Path, string Source) WorkingDirectory(KubernetesLintContext context, ContainerSpec container)
    {
        if (container.Node["workingDir"]?.Text is { Length: > 0 } manifest && manifest.StartsWith('/'))
            return (manifest, $"the container's workingDir {manifest}");
        if (context.ImageWorkdir is { } image)
            return (image.Path, $"the image's WORKDIR {image.Path} ({image.File}:{image.Line})");
        var app = context.App!;
        var inContext = RelativePath.Within(app.Path, app.BuildContext) ?? ".";
        var folder = app.Node is not null && inContext != "." ? $"{PythonImagePlan.AppDirectory}/{inContext}" : PythonImagePlan.AppDirectory;
        return (folder, $"{folder}, the folder Berth's images run the app from (no Dockerfile found beside the app)");
    }

    private static string Absolute(string path, string workdir) =>
        path.StartsWith('/') ? path : workdir.TrimEnd('/') + "/" + (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path);

    private static bool Under(string path, string mount)
    {
        var m = mount.TrimEnd('/');
        return m.Length == 0 || path.TrimEnd('/') == m || path.StartsWith(m + "/", StringComparison.Ordinal);
    }

    /// <summary>The mount paths of the container's writable volumes: not read-only, and not a ConfigMap, Secret, downward API or projected volume.</summary>
    private static List<string> WritableMounts(PodTemplate pod, ContainerSpec container)
    {
        var volumes = pod.Spec["volumes"]?.Items.Where(v => v["name"]?.Text is not null).ToDictionary(v => v["name"]!.Text!, StringComparer.Ordinal) ?? [];
        var mounts = new List<string>();
        foreach (var mount in container.Node["volumeMounts"]?.Items ?? [])
        {
            if (mount["readOnly"] is YamlScalar { Boolean: true } || mount["mountPath"]?.Text is not { Length: > 0 } at)
                continue;
            if (mount["name"]?.Text is { } name && volumes.TryGetValue(name, out var volume) && ReadOnlySources.Any(s => volume[s] is not null))
                continue;
            mounts.Add(at);
        }
        return mounts;
    }
}
