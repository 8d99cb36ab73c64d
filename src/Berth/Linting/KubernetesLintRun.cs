using Berth.Apps;
using Berth.Dockerfiles;
using Berth.Kubernetes;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>
/// The Kubernetes half of <c>berth lint</c>: builds one manifest set per Kustomize folder, per Helm chart, and one for the loose
/// manifest files; finds each set's app (--app, else a service in the set's folder or a folder above it inside the linted path) and
/// that app's Dockerfile USER; lints every set.
/// </summary>
public static class KubernetesLintRun
{
    public static IReadOnlyList<Finding> Execute(KubernetesInputs inputs, IReadOnlyList<string> lintedPaths, ServiceProfile? forcedApp, LintConfiguration? configuration,
        RendererTools tools, HelmValues helmValues)
    {
        var loaders = new List<Func<ManifestSet>>();
        if (inputs.ManifestFiles.Count > 0)
            loaders.Add(() => new ManifestSet(CommonFolder(inputs.ManifestFiles), [.. inputs.ManifestFiles.Select(f => ManifestFile.Read(f, LintRun.Read(f)))]));
        loaders.AddRange(inputs.KustomizeFolders.Select(folder => (Func<ManifestSet>)(() => KustomizeLoader.Load(folder, tools, LintRun.Read))));
        loaders.AddRange(inputs.ChartFolders.Select(folder => (Func<ManifestSet>)(() => HelmChartLoader.Load(folder, tools, helmValues, LintRun.Read))));
        var results = new IReadOnlyList<Finding>[loaders.Count];
        var errors = new InputException?[loaders.Count];
        Parallel.For(0, loaders.Count, i =>
        {
            try
            {
                var set = loaders[i]();
                var (app, folder) = forcedApp is not null ? (forcedApp, null) : AppBeside(set.Origin, lintedPaths);
                var (user, workdir) = ImageOf(folder);
                results[i] = KubernetesLinter.Lint(set, app, user, configuration, workdir);
            }
            catch (InputException e)
            {
                errors[i] = e;
                results[i] = [];
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
            throw error;
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>The service in the set's folder or a folder above it, up to the linted path that holds it; and that folder.</summary>
    private static (ServiceProfile? App, string? Folder) AppBeside(string origin, IReadOnlyList<string> lintedPaths)
    {
        var folder = Path.GetFullPath(Directory.Exists(origin) ? origin : Path.GetDirectoryName(Path.GetFullPath(origin)) ?? ".");
        var limit = lintedPaths.Select(p => Path.GetFullPath(Directory.Exists(p) ? p : Path.GetDirectoryName(Path.GetFullPath(p)) ?? "."))
            .Where(p => folder == p || folder.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal)).MinBy(p => p.Length) ?? folder;
        for (var current = folder; current is not null && current.Length >= limit.Length; current = Path.GetDirectoryName(current))
        {
            if (LintRun.AppManifests.Any(m => File.Exists(Path.Combine(current, m))))
                return LintRun.SingleService(current, required: false) is { } app ? (app, current) : (null, null);
        }
        return (null, null);
    }

    /// <summary>The final USER and WORKDIR of the Dockerfile in the app's folder, when there is one (WORKDIR: when its final stage sets an absolute one).</summary>
    private static (ImageUser? User, ImageWorkdir? Workdir) ImageOf(string? folder)
    {
        var dockerfile = folder is null ? null : Path.Combine(folder, "Dockerfile");
        if (dockerfile is null || !File.Exists(dockerfile))
            return (null, null);
        var document = DockerfileParser.Parse(dockerfile, LintRun.Read(dockerfile));
        var final = document.Stages.LastOrDefault();
        var user = final?.Instructions.OfType<UserInstruction>().LastOrDefault();
        var workdir = final?.Instructions.OfType<WorkdirInstruction>().LastOrDefault();
        return (user is null ? new ImageUser("root", dockerfile, final?.From.Span.StartLine ?? 1) : new ImageUser(user.User, dockerfile, user.Span.StartLine),
            workdir is { Path: ['/', ..] } ? new ImageWorkdir(workdir.Path, dockerfile, workdir.Span.StartLine) : null);
    }

    private static string CommonFolder(IReadOnlyList<string> files)
    {
        var folders = files.Select(f => Path.GetDirectoryName(f) is { Length: > 0 } d ? d : ".").ToList();
        var common = folders[0];
        while (folders.Any(f => f != common && !f.StartsWith(common + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            var parent = Path.GetDirectoryName(common);
            if (string.IsNullOrEmpty(parent))
                return ".";
            common = parent;
        }
        return common;
    }
}
