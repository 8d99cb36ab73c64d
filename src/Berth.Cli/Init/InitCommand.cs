using Berth.Apps;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Berth.Apps.Python;
using Berth.Generation;
using Berth.Generation.Kubernetes;
using Berth.Reporting;

namespace Berth.Cli.Init;

/// <summary>
/// <c>berth init [PATH] [--out DIR] [--force] [--dry-run] [--runtime slim|distroless] [--server uvicorn|gunicorn] [--workers N] [--installer auto|pip]</c>:
/// writes Dockerfile, .dockerignore and .env.example for every service, and prints what it decided and why.
/// </summary>
public static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Folder to scan", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--out") { Description = "Write under DIR instead of into each service's folder (service paths are mirrored)" };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files that differ (otherwise a diff is shown and the file is kept)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written; write nothing" };
        var runtime = new Option<string>("--runtime") { Description = "Runtime base: slim (python:X.Y-slim) or distroless (gcr.io/distroless/python3-debian12)", DefaultValueFactory = _ => "slim" };
        runtime.AcceptOnlyFromAmong("slim", "distroless");
        var server = new Option<string?>("--server") { Description = "uvicorn (one process per container) or gunicorn (with uvicorn workers for ASGI apps)" };
        server.AcceptOnlyFromAmong("uvicorn", "gunicorn");
        var workers = new Option<int?>("--workers") { Description = "gunicorn worker count (default 2)" };
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n && (n < 1 || n > 64))
                result.AddError("--workers must be between 1 and 64");
        });
        var installer = new Option<string>("--installer") { Description = "auto (the project's own tool) or pip (Poetry projects: pip installs the pins of poetry.lock)", DefaultValueFactory = _ => "auto" };
        installer.AcceptOnlyFromAmong("auto", "pip");
        var format = new Option<string>("--format") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var noCompose = new Option<bool>("--no-compose") { Description = "Do not write compose.yaml (written at the output root by default)" };
        var k8s = new Option<string>("--k8s") { Description = "Kubernetes files at the output root: kustomize (k8s/), helm (charts/<repo>/), all, or none", DefaultValueFactory = _ => "all" };
        k8s.AcceptOnlyFromAmong("kustomize", "helm", "all", "none");

        var command = new Command("init", "Write Dockerfile, .dockerignore and .env.example for each service under PATH, compose.yaml and the Kubernetes files (--k8s) at the root")
        {
            path, output, force, dryRun, runtime, server, workers, installer, format, noCompose, k8s,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            var options = new GenerationOptions
            {
                Runtime = parse.GetValue(runtime) == "distroless" ? RuntimeFlavor.Distroless : RuntimeFlavor.Slim,
                Server = parse.GetValue(server),
                Workers = parse.GetValue(workers),
                Installer = parse.GetValue(installer) == "pip" ? InstallerChoice.Pip : InstallerChoice.Auto,
            };
            var scan = RepositoryScanner.ScanFromWorkspace(root);
            root = scan.ShownRoot(root);
            var kubernetes = parse.GetValue(k8s) switch
            {
                "kustomize" => KubernetesTargets.Kustomize,
                "helm" => KubernetesTargets.Helm,
                "none" => KubernetesTargets.None,
                _ => KubernetesTargets.All,
            };
            // A workspace member named on its own: its Dockerfile goes into its folder (built from the workspace root), but
            // compose.yaml and k8s/ belong at the workspace root, outside the folder named: written only with --out.
            var wholeRepository = scan.Member is null || parse.GetValue(output) is not null;
            var report = InitRun.Execute(scan, root, options, parse.GetValue(output), parse.GetValue(force), parse.GetValue(dryRun),
                compose: wholeRepository && !parse.GetValue(noCompose), kubernetes: wholeRepository ? kubernetes : KubernetesTargets.None);
            if (!wholeRepository)
                stderr.WriteLine($"berth: {scan.Member} is a workspace member: compose.yaml and k8s/ belong at the workspace root ({root}), outside the folder named; run `berth init {root}` or pass --out to write them");
            stdout.Write(parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(report, BerthJsonContext.Readable.InitReport) + "\n"
                : Render(report));
            foreach (var skipped in report.Skipped)
                stderr.WriteLine($"berth: {skipped.Path}: {skipped.Name} was skipped: {skipped.Reason}");
            var kept = report.AllFiles.Count(f => f.Outcome == "kept");
            if (kept > 0)
            {
                stderr.WriteLine($"berth: {kept} existing file(s) differ and were kept; review the diff above and re-run with --force to replace them");
                return BerthApp.Findings;
            }
            return BerthApp.Ok;
        });
        return command;
    }

    private static string Render(InitReport report)
    {
        var text = new StringBuilder();
        foreach (var service in report.Services)
        {
            text.Append(service.Name).Append("  (").Append(service.Path).Append(")\n");
            foreach (var decision in service.Decisions)
                text.Append("  - ").Append(decision).Append('\n');
            text.Append("  because:\n");
            foreach (var evidence in service.Evidence)
                text.Append("    ").Append(evidence.Line > 0 ? $"{evidence.File}:{evidence.Line}" : evidence.File).Append("  ").Append(evidence.Fact).Append('\n');
            foreach (var note in service.Notes)
                text.Append("  note: ").Append(note).Append('\n');
            Files(text, service.Files);
            text.Append("  build: ").Append(service.BuildCommand).Append("\n\n");
        }
        foreach (var skipped in report.Skipped)
            text.Append(skipped.Name).Append("  (").Append(skipped.Path).Append(")\n  skipped: ").Append(skipped.Reason).Append("\n\n");
        if (report.Compose is { } compose)
        {
            text.Append("compose\n");
            foreach (var decision in compose.Decisions)
                text.Append("  - ").Append(decision).Append('\n');
            Files(text, compose.Files);
            text.Append('\n');
        }
        if (report.Kubernetes is { } cluster)
            RenderKubernetes(text, cluster);
        if (report.DryRun)
            text.Append("dry run: nothing was written\n");
        return text.ToString();
    }

    private static void RenderKubernetes(StringBuilder text, InitKubernetesReport cluster)
    {
        text.Append("kubernetes\n");
        foreach (var decision in cluster.Decisions)
            text.Append("  - ").Append(decision).Append('\n');
        foreach (var service in cluster.Services)
        {
            text.Append("  ").Append(service.Name).Append(":\n");
            foreach (var decision in service.Decisions)
                text.Append("    - ").Append(decision).Append('\n');
        }
        Files(text, cluster.Files);
        text.Append("  next:\n");
        foreach (var command in cluster.Commands)
            text.Append("    ").Append(command).Append('\n');
        text.Append('\n');
    }

    private static void Files(StringBuilder text, IReadOnlyList<InitFileReport> files)
    {
        foreach (var file in files)
        {
            text.Append("  ").Append(file.Outcome.PadRight(13)).Append(file.Path).Append("  (").Append(file.Purpose).Append(")\n");
            if (file.Diff is not null && file.Outcome is "kept" or "would-update")
                text.Append(Indent(file.Diff));
        }
    }

    private static string Indent(string diff) =>
        string.Concat(diff.Split('\n').Where(l => l.Length > 0).Select(l => "      " + l + "\n"));
}
