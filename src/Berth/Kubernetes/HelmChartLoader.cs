namespace Berth.Kubernetes;

/// <summary>Values given to <c>helm template</c>: files (<c>--values</c>) and <c>--set</c> assignments, in order.</summary>
public sealed record HelmValues(IReadOnlyList<string> Files, IReadOnlyList<string> Sets)
{
    public static HelmValues None { get; } = new([], []);
}

/// <summary>
/// A Helm chart as a manifest set: Chart.yaml, values and templates read; rendered with <c>helm template</c> when helm is there,
/// each rendered document traced to its template through the <c># Source:</c> comment helm writes above it, and each node to the
/// template line that wrote it (the same line, else the line with the same key, else the template's first line).
/// </summary>
public static class HelmChartLoader
{
    public const string ReleaseName = "berth";

    public static ManifestSet Load(string folder, RendererTools tools, HelmValues values, Func<string, string> read)
    {
        var chartFile = Path.Combine(folder, "Chart.yaml");
        var valuesFile = Path.Combine(folder, "values.yaml");
        var hasValues = File.Exists(valuesFile);
        var templatesFolder = Path.Combine(folder, "templates");
        var templates = Directory.Exists(templatesFolder)
            ? Directory.EnumerateFiles(templatesFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, read(f))).ToList()
            : [];
        HelmChart Chart(RenderOutcome outcome) => new(folder, chartFile, YamlTreeReader.Read(read(chartFile)), hasValues ? valuesFile : null,
            hasValues ? YamlTreeReader.Read(read(valuesFile)) : null, File.Exists(Path.Combine(folder, "values.schema.json")), templates, outcome);
        if (tools.Helm is null)
            return new ManifestSet(folder, [], Chart(new RenderOutcome(RenderStatus.ToolAbsent, "helm")));
        var arguments = new List<string> { "template", ReleaseName, Path.GetFullPath(folder) };
        foreach (var file in values.Files)
            arguments.AddRange(["--values", Path.GetFullPath(file)]);
        foreach (var set in values.Sets)
            arguments.AddRange(["--set", set]);
        var result = ExternalTool.Run(tools.Helm, arguments, Directory.GetCurrentDirectory(), TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            var error = result.TimedOut ? "helm template timed out" : KustomizeLoader.FirstLines(result.Stderr);
            return new ManifestSet(folder, [], Chart(new RenderOutcome(RenderStatus.Failed, "helm", error)));
        }
        var map = new RenderedChartMap(folder, result.Stdout, read);
        var rendered = ManifestFile.Read(folder, result.Stdout, map.Locate);
        return new ManifestSet(folder, [rendered], Chart(new RenderOutcome(RenderStatus.Rendered, "helm")));
    }

    /// <summary>Traces nodes of helm's output to template lines.</summary>
    private sealed class RenderedChartMap(string folder, string rendered, Func<string, string> read)
    {
        private readonly string[] _lines = rendered.ReplaceLineEndings("\n").Split('\n');
        private readonly Dictionary<string, string[]> _templates = new(StringComparer.Ordinal);

        public SourceLocation Locate(YamlMap root, YamlValue node)
        {
            var template = TemplateOf(root.Span.Line);
            if (template is null || !File.Exists(template))
                return new SourceLocation(Path.Combine(folder, "Chart.yaml"), TextSpan.Start);
            if (!_templates.TryGetValue(template, out var lines))
                _templates[template] = lines = read(template).ReplaceLineEndings("\n").Split('\n');
            var written = node.Span.Line - 1 < _lines.Length ? Content(_lines[node.Span.Line - 1]) : "";
            var key = written.Contains(':', StringComparison.Ordinal) ? written[..(written.IndexOf(':', StringComparison.Ordinal) + 1)] : null;
            var index = Array.FindIndex(lines, l => written.Length > 0 && Content(l) == written);
            if (index < 0 && key is not null)
                index = Array.FindIndex(lines, l => Content(l).StartsWith(key, StringComparison.Ordinal));
            if (index < 0)
                return new SourceLocation(template, TextSpan.Start);
            var line = lines[index];
            var column = line.Length - line.TrimStart(' ', '-').Length + 1;
            return new SourceLocation(template, new TextSpan(index + 1, column, index + 1, Math.Max(column, line.TrimEnd().Length + 1)));
        }

        /// <summary>The template named by the nearest <c># Source: chart/templates/x.yaml</c> line above a document's first line.</summary>
        private string? TemplateOf(int firstLine)
        {
            for (var i = Math.Min(firstLine - 1, _lines.Length) - 1; i >= 0; i--)
            {
                var line = _lines[i];
                if (line.StartsWith("# Source: ", StringComparison.Ordinal))
                {
                    var source = line["# Source: ".Length..].Trim();
                    var slash = source.IndexOf('/', StringComparison.Ordinal);
                    return slash < 0 ? null : Path.Combine(folder, source[(slash + 1)..].Replace('/', Path.DirectorySeparatorChar));
                }
            }
            return null;
        }

        private static string Content(string line)
        {
            var text = line.Trim();
            while (text.StartsWith("- ", StringComparison.Ordinal))
                text = text[2..].TrimStart();
            return text;
        }
    }
}
