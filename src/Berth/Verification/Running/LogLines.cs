using System.Text.Json;

namespace Berth.Verification.Running;

/// <summary>How many of a container's stdout lines are JSON objects (what a log collector can parse without a regex).</summary>
public sealed record LogLines(int Total, int Json, IReadOnlyList<string> FirstNonJson)
{
    public double Ratio => Total == 0 ? 0 : (double)Json / Total;

    public static LogLines Count(string output)
    {
        var total = 0;
        var json = 0;
        var other = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
                continue;
            total++;
            if (IsJsonObject(line))
                json++;
            else if (other.Count < 3)
                other.Add(line.Length > 120 ? line[..120] + "…" : line);
        }
        return new LogLines(total, json, other);
    }

    private static bool IsJsonObject(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{') || !trimmed.EndsWith('}'))
            return false;
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
