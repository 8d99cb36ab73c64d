using System.Text.Json;

namespace Berth.Apps.Python.Manifests;

/// <summary>Pipfile.lock (JSON): <c>default</c> packages are "main", <c>develop</c> packages are "dev".</summary>
internal static class PipfileLockReader
{
    public static IReadOnlyList<LockedPackage> Read(string scanRoot, string path) => Parse(path, ScanPath.ReadText(scanRoot, path));

    public static IReadOnlyList<LockedPackage> Parse(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InputException(path, (int)(e.LineNumber ?? -1) + 1, "invalid JSON in Pipfile.lock");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputException(path, 1, "Pipfile.lock should hold a JSON object");
            var order = new List<string>();
            var byName = new Dictionary<string, (string Version, List<string> Groups, string? Marker)>(StringComparer.Ordinal);
            foreach (var (section, group) in new[] { ("default", "main"), ("develop", "dev") })
            {
                if (!document.RootElement.TryGetProperty(section, out var packages) || packages.ValueKind != JsonValueKind.Object)
                    continue;
                foreach (var package in packages.EnumerateObject())
                {
                    var name = PythonPackageName.Normalize(package.Name);
                    if (byName.TryGetValue(name, out var existing))
                    {
                        existing.Groups.Add(group);
                        continue;
                    }

                    var version = StringProperty(package.Value, "version") ?? StringProperty(package.Value, "ref") ?? "";
                    if (version.StartsWith("==", StringComparison.Ordinal))
                        version = version[2..];
                    byName[name] = (version, [group], StringProperty(package.Value, "markers"));
                    order.Add(name);
                }
            }

            return order.Select(n => new LockedPackage(n, byName[n].Version, byName[n].Groups, byName[n].Marker)).ToList();
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
