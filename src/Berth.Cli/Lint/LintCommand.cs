using System.CommandLine;
using System.Text.Json;
using Berth.Linting;
using Berth.Linting.Configuration;
using Berth.Linting.Fixes;
using Berth.Reporting;

namespace Berth.Cli.Lint;

/// <summary>
/// <c>berth lint [PATHS...] [--format text|json|sarif|github] [--fail-on error|warning|info] [--config FILE] [--fix] [--app PATH]
/// [--values FILE]... [--set K=V]...</c>.
/// </summary>
public static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dockerfiles, Kubernetes manifests, Kustomize folders, Helm charts, or folders to search for them", DefaultValueFactory = _ => ["."] };
        var format = new Option<string>("--format") { Description = "text, json, sarif (GitHub code scanning) or github (workflow annotations)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding is at or above this severity: error, warning or info (default: the config's, else error)" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var config = new Option<string?>("--config") { Description = "Config file (.berth.yaml, or a .hadolint.yaml); default: .berth.yaml and .hadolint.yaml in the current or linted folder" };
        var fix = new Option<bool>("--fix") { Description = "Apply safe fixes in place (only what cannot change the image's behaviour), then lint" };
        var app = new Option<string?>("--app") { Description = "The app the Dockerfile is for (default: a service found in the Dockerfile's folder)" };
        var values = new Option<string[]>("--values", "-f") { Description = "A values file for rendering Helm charts (helm template --values); repeatable", AllowMultipleArgumentsPerToken = false };
        var set = new Option<string[]>("--set") { Description = "A value for rendering Helm charts (helm template --set K=V); repeatable" };
        var command = new Command("lint", "Check Dockerfiles, Kubernetes manifests, Kustomize trees and Helm charts against Berth's rules and the app they are for")
        {
            paths, format, failOn, config, fix, app, values, set,
        };
        command.SetAction(parse =>
        {
            var targets = parse.GetValue(paths)!;
            var here = Environment.CurrentDirectory;
            var configuration = LintConfigurationLoader.Load(parse.GetValue(config), targets, here);
            var output = parse.GetValue(format)!;
            if (parse.GetValue(fix))
            {
                var applied = DockerfileFixRun.Execute(LintRun.FindDockerfiles(targets, required: false));
                var log = output == "text" ? stdout : stderr; // keep machine-readable output clean
                foreach (var change in applied)
                    log.Write($"{change.File}:{change.Line}: fixed {change.Fix}: {change.Description}\n");
                log.Write(applied.Count == 0 ? "no safe fixes to apply\n" : $"{applied.Count} fix{(applied.Count == 1 ? "" : "es")} applied\n");
            }
            var helmValues = new Berth.Kubernetes.HelmValues(parse.GetValue(values) ?? [], parse.GetValue(set) ?? []);
            var findings = LintRun.Execute(targets, parse.GetValue(app), configuration, Berth.Kubernetes.RendererTools.FromPath(), helmValues);
            if (output == "text")
            {
                LintTextRenderer.Write(findings, stdout); // streamed: a report over many files is megabytes
            }
            else
            {
                stdout.Write(output switch
                {
                    "json" => Json(findings),
                    "sarif" => SarifRenderer.Render(findings, RuleCatalog.All, here),
                    _ => GithubAnnotationsRenderer.Render(findings, here),
                });
            }
            if (configuration.NoFail && parse.GetValue(failOn) is null)
                return BerthApp.Ok;
            var threshold = parse.GetValue(failOn) switch
            {
                "info" => Linting.Severity.Info,
                "warning" => Linting.Severity.Warning,
                "error" => Linting.Severity.Error,
                _ => configuration.FailOn ?? Linting.Severity.Error,
            };
            return findings.Any(f => f.Severity <= threshold) ? BerthApp.Findings : BerthApp.Ok;
        });
        return command;
    }

    internal static string Severity(Severity severity) => LintTextRenderer.Severity(severity);

    private static string Json(IReadOnlyList<Finding> findings)
    {
        var report = new LintReport(findings.Select(f => new LintFinding(f.Rule, f.Name, Severity(f.Severity), f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message, f.Fix)).ToList());
        return JsonSerializer.Serialize(report, BerthJsonContext.Readable.LintReport) + "\n";
    }
}
