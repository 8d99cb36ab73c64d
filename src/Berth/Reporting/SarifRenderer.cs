using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Berth.Linting;

namespace Berth.Reporting;

/// <summary>
/// <c>berth lint --format sarif</c>: one SARIF 2.1.0 run for GitHub code scanning. Every catalog rule is listed (so
/// <c>ruleIndex</c> is stable), file URIs are relative to <c>%SRCROOT%</c> with '/' separators, and the output is the same
/// bytes for the same input (no timestamps, no machine paths). Written with <see cref="Utf8JsonWriter"/>: AOT-safe.
/// </summary>
public static class SarifRenderer
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(IReadOnlyList<Finding> findings, IReadOnlyList<RuleInfo> rules, string sourceRoot)
    {
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
            indexById.TryAdd(rules[i].Id, i);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteStartObject("description");
            json.WriteString("text", "The folder berth lint ran in.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in findings)
                WriteResult(json, finding, indexById, sourceRoot);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>SARIF's level for a severity: error, warning or note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The file as a URI reference relative to <paramref name="sourceRoot"/>: '/' separators, each segment escaped.</summary>
    public static string RelativeUri(string file, string sourceRoot) =>
        string.Join('/', RelativePath(file, sourceRoot).Split('/').Select(Uri.EscapeDataString));

    /// <summary>The file relative to <paramref name="sourceRoot"/>, with '/' separators (not escaped).</summary>
    public static string RelativePath(string file, string sourceRoot) =>
        Path.GetRelativePath(Path.GetFullPath(sourceRoot), Path.GetFullPath(file)).Replace(Path.DirectorySeparatorChar, '/');

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleInfo> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "berth");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            WriteText(json, "shortDescription", rule.Summary);
            WriteText(json, "fullDescription", rule.Covers.Count == 0 ? rule.Summary : $"{rule.Summary} (covers {string.Join(", ", rule.Covers)})");
            // The rule's whole doc page travels with the log: code scanning shows it beside the alert.
            if (RuleDocs.Page(rule.Id) is { } page)
            {
                json.WriteStartObject("help");
                json.WriteString("text", page);
                json.WriteString("markdown", page);
                json.WriteEndObject();
            }
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("dockerfile");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> indexById, string sourceRoot)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule);
        if (indexById.TryGetValue(finding.Rule, out var index))
            json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(finding.Severity));
        WriteText(json, "message", finding.Fix is null ? finding.Message : $"{finding.Message} Fix: {finding.Fix}");
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(finding.File, sourceRoot));
        json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
        json.WriteStartObject("region");
        var line = Math.Max(1, finding.Line);
        var column = Math.Max(1, finding.Column);
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        var endLine = Math.Max(line, finding.EndLine);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endLine == line ? Math.Max(column, finding.EndColumn) : Math.Max(1, finding.EndColumn));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
