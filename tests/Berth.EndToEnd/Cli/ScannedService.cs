using System.Globalization;
using System.Text.Json;

namespace Berth.EndToEnd.Cli;

public sealed record ScannedRoute(string Path, IReadOnlyList<string> Methods)
{
    public bool Allows(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

public sealed record ScannedEnvVar(string Name, bool Required, bool Secret);

/// <summary>
/// The parts of <c>berth scan --format json</c> the end-to-end tests rely on. Read leniently: a fact may be a bare value or an object
/// carrying it under "value" (with its evidence alongside), so the tests follow the profile rather than one spelling of it.
/// </summary>
public sealed record ScannedService(
    string? Name,
    string? Path,
    string? Framework,
    string? Entrypoint,
    string? Server,
    int? Port,
    string? PackageManager,
    string? LockFile,
    IReadOnlyList<ScannedRoute> Health,
    IReadOnlyList<ScannedEnvVar> Env)
{
    public static IReadOnlyList<ScannedService> ParseAll(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("services", out var services) || services.ValueKind != JsonValueKind.Array)
            throw new FormatException("scan JSON has no \"services\" array");
        return services.EnumerateArray().Select(Parse).ToList();
    }

    private static ScannedService Parse(JsonElement service) => new(
        Text(service, "name"),
        Text(service, "path"),
        Text(service, "framework"),
        Text(service, "entrypoint"),
        Text(service, "server"),
        Number(service, "port"),
        Text(service, "packageManager"),
        Text(service, "lockFile"),
        Items(service, "health").Select(r => new ScannedRoute(
            Text(r, "path") ?? "",
            Items(r, "methods").Select(m => Unwrap(m).GetString() ?? "").ToList())).ToList(),
        Items(service, "env").Select(e => new ScannedEnvVar(
            Text(e, "name") ?? "",
            Flag(e, "required"),
            Flag(e, "secret"))).ToList());

    private static JsonElement Unwrap(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("value", out var inner))
                element = inner;
            else if (element.TryGetProperty("name", out var named))
                element = named;
            else
                break;
        }
        return element;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return Unwrap(property.Value);
        }
        return null;
    }

    private static string? Text(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    private static int? Number(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    private static bool Flag(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.True };

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
}
