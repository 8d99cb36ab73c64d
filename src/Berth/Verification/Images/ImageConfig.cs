using System.Text.Json;

namespace Berth.Verification.Images;

/// <summary>
/// The runtime configuration of an image, as <c>docker image inspect</c> (and an image config blob's <c>config</c>) states it.
/// Entrypoint and Cmd are argument vectors; a shell-form instruction shows up as <c>["/bin/sh", "-c", "..."]</c>.
/// </summary>
public sealed record ImageConfig
{
    public string User { get; init; } = "";

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>KEY=VALUE entries in image order.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>"8000/tcp" style keys.</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string WorkingDir { get; init; } = "";

    /// <summary>The HEALTHCHECK test vector (<c>["CMD", ...]</c> or <c>["CMD-SHELL", "..."]</c>), or empty.</summary>
    public IReadOnlyList<string> Healthcheck { get; init; } = [];

    public string? StopSignal { get; init; }

    /// <summary>The command the container runs: Entrypoint followed by Cmd.</summary>
    public IReadOnlyList<string> Command => [.. Entrypoint, .. Cmd];

    public string? EnvValue(string name)
    {
        foreach (var entry in Env)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(entry[..equals], name, StringComparison.Ordinal))
                return entry[(equals + 1)..];
        }
        return null;
    }

    public IEnumerable<string> EnvNames() => EnvVariables().Select(v => v.Name);

    /// <summary>Each <c>NAME=value</c> entry split at its first '=' (an entry without one is a name with an empty value).</summary>
    public IEnumerable<(string Name, string Value)> EnvVariables() =>
        Env.Select(e => e.IndexOf('=', StringComparison.Ordinal) is var i and > 0 ? (e[..i], e[(i + 1)..]) : (e, ""));

    /// <summary>Reads the <c>Config</c> (inspect) or <c>config</c> (config blob) object.</summary>
    public static ImageConfig Read(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
            return new ImageConfig();
        return new ImageConfig
        {
            User = Text(config, "User"),
            Entrypoint = Strings(config, "Entrypoint"),
            Cmd = Strings(config, "Cmd"),
            Env = Strings(config, "Env"),
            ExposedPorts = Keys(config, "ExposedPorts"),
            Labels = Map(config, "Labels"),
            WorkingDir = Text(config, "WorkingDir"),
            Healthcheck = config.TryGetProperty("Healthcheck", out var health) && health.ValueKind == JsonValueKind.Object ? Strings(health, "Test") : [],
            StopSignal = config.TryGetProperty("StopSignal", out var stop) && stop.ValueKind == JsonValueKind.String ? stop.GetString() : null,
        };
    }

    private static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static IReadOnlyList<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? "")]
            : [];

    private static IReadOnlyList<string> Keys(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? [.. value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)]
            : [];

    private static Dictionary<string, string> Map(JsonElement parent, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.ToString();
        }
        return map;
    }
}
