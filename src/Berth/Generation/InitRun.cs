using Berth.Apps;
using Berth.Apps.Links;
using Berth.Generation.Compose;
using Berth.Generation.Kubernetes;
using Berth.Reporting;

namespace Berth.Generation;

/// <summary>
/// <c>berth init</c> as a library call: plans every service first (so bad input stops before anything is written),
/// then writes each file through one <see cref="ArtifactWriter"/> rooted at the output folder.
/// </summary>
public static class InitRun
{
    /// <param name="scan">The scanned services.</param>
    /// <param name="shownRoot">The scan root as the user wrote it (for messages and build commands).</param>
    /// <param name="outDirectory">Where to write; null writes into each service's own folder.</param>
    /// <param name="compose">Also write compose.yaml (and its development services' env file) at the output root.</param>
    /// <param name="kubernetes">Which Kubernetes trees to write at the output root (k8s/, charts/).</param>
    public static InitReport Execute(ScanResult scan, string shownRoot, GenerationOptions options, string? outDirectory, bool force, bool dryRun,
        bool compose = true, KubernetesTargets kubernetes = KubernetesTargets.None)
    {
        var mirrored = outDirectory is not null;
        var outputRoot = outDirectory ?? scan.Root;
        var shownOutput = outDirectory ?? shownRoot;

        // A service its stack's generator declines is skipped with the reason; the others are still written. Only when every
        // service is declined is there nothing to do, and that is an input error like any other.
        var skipped = scan.Services
            .Select(profile => (Profile: profile, Reason: StackGenerators.Declines(profile)))
            .Where(x => x.Reason is not null)
            .Select(x => new InitSkippedService(x.Profile.Name, x.Profile.Path, x.Reason!))
            .ToList();
        if (skipped.Count > 0 && skipped.Count == scan.Services.Count)
        {
            var first = scan.Services[0];
            throw new InputException(first.LockFile ?? first.ManifestFile ?? first.Path, 0, $"{first.Name}: no image is written: {skipped[0].Reason}");
        }
        var links = WithoutSkipped(scan.Links, skipped);

        var planned = scan.Services
            .Where(profile => skipped.All(s => s.Name != profile.Name))
            .Select(profile => (Profile: profile, Plan: StackGenerators.Plan(profile, options)))
            .Select(x => (x.Profile, x.Plan, Files: x.Plan.Files(new OutputLayout(scan.Root, outputRoot, mirrored))))
            .ToList();

        // compose.yaml: from the shared profile part and each image's contract only (Compose/ComposePlanner)
        var composePlan = compose && planned.Count > 0
            ? ComposePlanner.Plan(planned.Select(p => new ComposeInput(p.Profile, p.Plan.Container, p.Files[0].Path)).ToList(), links, new ComposeLayout(scan.Root, outputRoot))
            : null;
        var composeFiles = composePlan?.Files() ?? [];

        // --k8s: one tree for all services at the output root.
        var cluster = KubernetesArtifacts.For(scan.Root, planned.Select(p => p.Plan).ToList(), kubernetes);

        var writer = new ArtifactWriter(outputRoot, force, dryRun);
        foreach (var file in planned.SelectMany(p => p.Files).Concat(composeFiles).Concat(cluster?.Files ?? []))
            writer.Target(file); // every path checked before the first write

        var services = new List<InitServiceReport>();
        foreach (var (profile, plan, files) in planned)
        {
            var results = files.Select(writer.Write).ToList();
            var dockerfile = Shown(shownOutput, files[0].Path);
            var context = Shown(shownRoot, profile.BuildContext);
            var needsFile = mirrored || profile.BuildContext != profile.Path;
            var build = $"docker build -t {profile.Name} {(needsFile ? $"-f {dockerfile} " : "")}{context}";
            services.Add(new InitServiceReport(
                profile.Name,
                profile.Path,
                build,
                plan.Decisions,
                profile.Evidence,
                results.Select(r => new InitFileReport(Shown(shownOutput, r.File.Path), Outcome(r.Outcome), r.File.Purpose, r.Diff)).ToList(),
                profile.Notes));
        }
        InitComposeReport? composeReport = null;
        if (composePlan is not null)
        {
            var results = composeFiles.Select(writer.Write).ToList();
            // compose builds whatever Dockerfile is there: one kept as it was may lack the HEALTHCHECK service_healthy waits for
            var kept = services.Select(s => s.Files[0]).Where(f => f.Outcome == "kept")
                .Select(f => $"{f.Path} was kept as it was (it differs from Berth's): compose builds it as it is, and depends_on: service_healthy needs its HEALTHCHECK");
            composeReport = new InitComposeReport([.. composePlan.Decisions, .. kept],
                results.Select(r => new InitFileReport(Shown(shownOutput, r.File.Path), Outcome(r.Outcome), r.File.Purpose, r.Diff)).ToList());
        }
        InitKubernetesReport? clusterReport = null;
        if (cluster is not null)
        {
            var results = cluster.Files.Select(writer.Write).ToList();
            clusterReport = new InitKubernetesReport(
                cluster.Plan.Decisions,
                cluster.Plan.Workloads.Select(w => new InitKubernetesService(w.Name, w.Decisions)).ToList(),
                results.Select(r => new InitFileReport(Shown(shownOutput, r.File.Path), Outcome(r.Outcome), r.File.Purpose, r.Diff)).ToList(),
                cluster.Commands(path => Shown(shownOutput, path)));
        }
        return new InitReport(shownRoot, shownOutput, dryRun, services) { Compose = composeReport, Kubernetes = clusterReport, Skipped = skipped };
    }

    /// <summary>The links among the services that are written: a link to or from a skipped service has nothing to wire.</summary>
    private static RepositoryLinks WithoutSkipped(RepositoryLinks links, IReadOnlyList<InitSkippedService> skipped)
    {
        if (skipped.Count == 0)
            return links;
        bool Written(string name) => skipped.All(s => s.Name != name);
        return links with
        {
            Links = links.Links.Where(l => Written(l.From) && Written(l.To)).ToList(),
            BackingServices = links.BackingServices.Where(n => Written(n.Service)).ToList(),
        };
    }

    private static string Outcome(FileOutcome outcome) => outcome switch
    {
        FileOutcome.Created => "created",
        FileOutcome.Updated => "updated",
        FileOutcome.Unchanged => "unchanged",
        FileOutcome.Kept => "kept",
        FileOutcome.WouldCreate => "would-create",
        _ => "would-update",
    };

    private static string Shown(string root, string relative)
    {
        if (relative is "." or "")
            return root;
        return root is "." ? relative : root.TrimEnd('/') + "/" + relative;
    }
}
