using Berth.Apps;
using System.CommandLine;
using System.Text.Json;
using Berth.Apps.Python;
using Berth.Reporting;

namespace Berth.Cli.Scan;

/// <summary><c>berth scan [PATH] [--format text|json]</c>: prints the profile of every Python web service under PATH.</summary>
public static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Folder to scan (a repository may hold several services)", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("scan", "Read the Python web services under PATH into profiles, with the file:line evidence for each fact") { path, format };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            var scan = RepositoryScanner.ScanFromWorkspace(root);
            root = scan.ShownRoot(root);
            var report = new ScanReport(root, scan.Services, scan.Skipped, scan.Notes) { Links = scan.Links.Links, BackingServices = scan.Links.BackingServices };
            stdout.Write(parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(report, BerthJsonContext.Readable.ScanReport) + "\n"
                : ScanTextRenderer.Render(report));
            return BerthApp.Ok;
        });
        return command;
    }
}
