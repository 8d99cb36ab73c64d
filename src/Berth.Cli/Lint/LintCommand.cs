using System.CommandLine;
using System.Text;
using System.Text.Json;
using Berth.Linting;
using Berth.Reporting;

namespace Berth.Cli.Lint;

/// <summary><c>berth lint [PATHS...] [--format text|json] [--fail-on error|warning|info] [--app PATH]</c>.</summary>
public static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dockerfiles, or folders to search for Dockerfile, *.Dockerfile, Dockerfile.*", DefaultValueFactory = _ => ["."] };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above this severity: error, warning or info", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var app = new Option<string?>("--app") { Description = "The app the Dockerfile is for (default: a service found in the Dockerfile's folder)" };
        var command = new Command("lint", "Check Dockerfiles against Berth's rules and against the app they are for") { paths, format, failOn, app };
        command.SetAction(parse =>
        {
            var findings = LintRun.Execute(parse.GetValue(paths)!, parse.GetValue(app));
            if (parse.GetValue(format) == "json")
            {
                var report = new LintReport(findings.Select(f => new LintFinding(f.Rule, f.Name, Severity(f.Severity), f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message, f.Fix)).ToList());
                stdout.Write(JsonSerializer.Serialize(report, BerthJsonContext.Default.LintReport) + "\n");
            }
            else
            {
                stdout.Write(Render(findings));
            }
            var threshold = parse.GetValue(failOn) switch { "info" => Linting.Severity.Info, "warning" => Linting.Severity.Warning, _ => Linting.Severity.Error };
            return findings.Any(f => f.Severity <= threshold) ? BerthApp.Findings : BerthApp.Ok;
        });
        return command;
    }

    internal static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Render(IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(f.File).Append(':').Append(f.Line).Append(':').Append(f.Column).Append(": ")
                .Append(Severity(f.Severity)).Append(' ').Append(f.Rule).Append(' ').Append(f.Name).Append(": ").Append(f.Message).Append('\n');
            if (f.Fix is not null)
                text.Append("    fix: ").Append(f.Fix).Append('\n');
        }
        text.Append(findings.Count == 0 ? "no findings\n" : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}\n");
        return text.ToString();
    }
}
