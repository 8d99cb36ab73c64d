using System.Text;
using Berth.Apps;
using Berth.Apps.Node;

namespace Berth.Reporting;

/// <summary>The human view of a scan: the key facts of each service, then the evidence behind them.</summary>
public static class ScanTextRenderer
{
    public static string Render(ScanReport report)
    {
        var text = new StringBuilder();
        foreach (var service in report.Services)
        {
            text.Append(service.Name).Append("  (").Append(service.Path).Append(")\n");
            Row(text, "framework", service.Framework + (service.Python is { } facts ? $" ({facts.Interface})" : ""));
            if (service.Python is { } python)
                Row(text, "entrypoint", python.Entrypoint + (python.ImportRoot == "." ? "" : $"  (import root {python.ImportRoot})"));
            if (service.Node is { } node)
                Row(text, "kind", NodeKind(node));
            Row(text, service.Runtime.Language, $"{service.Runtime.Version}  ({service.Runtime.VersionSource})");
            if (service.Python is { } server)
                Row(text, "server", server.Server);
            Row(text, "port", service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Row(text, "packages", service.PackageManager + (service.LockFile is null ? "  (no lock file)" : $"  (lock {service.LockFile})"));
            if (service.BuildContext != service.Path)
                Row(text, "context", service.BuildContext + (service.ServedFrontend is { } widened && widened.OwnBuildContext != service.BuildContext
                    ? $"  (holds {service.Path} and {widened.Package}, the frontend it serves)"
                    : "  (the lock lives there)"));
            if (service.ServedFrontend is { } frontend)
                Row(text, "frontend", $"{frontend.Folder} at {frontend.Route ?? "(no route stated)"}  ({frontend.ServedBy}, {frontend.Source}; built by {frontend.Package}'s `{frontend.BuildScript}`: {frontend.BuildCommand}, {frontend.PackageManager}{(frontend.DeployedSeparately ? "; also deployed on its own" : "")})");
            Row(text, "health", service.Health.Count == 0 ? "none found" : string.Join("; ", service.Health.Select(h => $"{h.Path} {string.Join("+", h.Methods)}")));
            Row(text, "env", service.Env.Count == 0 ? "none read" : string.Join(", ", service.Env.Select(e => e.Name + (e.Required ? "*" : "") + (e.Secret ? " (secret)" : "") + (e.BuildTime ? " (build time)" : ""))));
            if (service.LogFormat is { } logFormat)
                Row(text, "log format", logFormat + LogFormatSource(service));
            if (service.StartCommand is { } start)
                Row(text, "start", start + "  (stated by the repository)");
            if (service.Migrations is { } migrations)
                Row(text, "migrate", $"{migrations.Command}  ({migrations.Tool}, {(migrations.StatedByRepository ? "the repository runs it" : "its standard command")}: {migrations.Source}; run once per release, not in the server's command)");
            if (service.Python?.Django is { } django)
            {
                Row(text, "settings", $"{django.SettingsModule}  ({(django.SettingsModuleDiffersFromDefault ? $"production settings, {django.SettingsSource}; default {django.DefaultSettingsModule ?? "none"}" : $"the default, {django.SettingsSource}")})");
                if (django.StaticRoot is { } staticRoot)
                    Row(text, "static", $"{staticRoot.Value}  (STATIC_ROOT, {staticRoot.Source}; {(django.WhiteNoise is { } whiteNoise ? $"served by WhiteNoise, {whiteNoise.Source}" : "no WhiteNoise: a web server must serve STATIC_URL")})");
            }
            foreach (var writable in service.WritablePaths)
                Row(text, "writes", $"{writable.Path}  ({writable.Reason}, {writable.Source})");
            if (service.NativeLibraries.Count > 0)
                Row(text, "native", string.Join("; ", service.NativeLibraries.Select(n => $"{n.Dependency}: {n.Reason}")));
            text.Append("  evidence:\n");
            foreach (var evidence in service.Evidence)
                text.Append("    ").Append(evidence.Line > 0 ? $"{evidence.File}:{evidence.Line}" : evidence.File).Append("  ").Append(evidence.Fact).Append('\n');
            foreach (var note in service.Notes)
                text.Append("  note: ").Append(note).Append('\n');
            text.Append('\n');
        }
        if (report.Services.Any(s => s.Env.Any(e => e.Required)))
            text.Append("(* required)\n");
        foreach (var link in report.Links)
            text.Append("link ").Append(link.From).Append(" → ").Append(link.To).Append(": ").Append(link.Variable)
                .Append(link.BuildTime ? " (build time)" : "").Append("  (").Append(link.Evidence.File).Append(':').Append(link.Evidence.Line).Append(")\n");
        foreach (var need in report.BackingServices)
            text.Append("needs ").Append(need.Kind).Append(" (").Append(need.Service).Append("): ")
                .Append(need.Variables.Count == 0 ? "no URL variable" : string.Join(", ", need.Variables)).Append("; ").Append(need.Reason).Append('\n');
        foreach (var skipped in report.Skipped)
            text.Append("skipped ").Append(skipped.Path).Append(": ").Append(skipped.Reason).Append('\n');
        foreach (var note in report.Notes)
            text.Append("note: ").Append(note).Append('\n');
        return text.ToString();
    }

    private static string NodeKind(NodeFacts node)
    {
        var parts = new List<string> { node.Kind };
        if (node.Entry is { } entry)
            parts.Add("entry " + entry);
        if (node.NextOutput is { } output)
            parts.Add("output " + output);
        if (node.BasePath is { } basePath)
            parts.Add("basePath " + basePath);
        if (node.StaticOutput is { } staticOutput)
            parts.Add("serves " + staticOutput + "/");
        if (node.BuildScript is { } build)
            parts.Add("build: " + node.Scripts[build]);
        if (node.WorkspaceMembers.Count > 0)
            parts.Add($"workspace of {node.WorkspaceMembers.Count}" + (node.WorkspaceTool is { } tool ? $" ({tool})" : ""));
        if (node.SigtermHandler is { } sigterm)
            parts.Add("SIGTERM handled at " + sigterm);
        return string.Join(", ", parts);
    }

    private static string LogFormatSource(ServiceProfile service) =>
        service.Evidence.FirstOrDefault(e => e.Fact.StartsWith("log format ", StringComparison.Ordinal)) is { } source
            ? $"  ({(source.Line > 0 ? $"{source.File}:{source.Line}" : source.File)})"
            : "";

    private static void Row(StringBuilder text, string label, string value) =>
        text.Append("  ").Append(label.PadRight(11)).Append(value).Append('\n');
}
