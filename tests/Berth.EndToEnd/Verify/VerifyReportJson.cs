using System.Text.Json;
using Berth.EndToEnd.Cli;

namespace Berth.EndToEnd.Verify;

/// <summary>The parts of <c>berth verify --format json</c> the tests look at.</summary>
public sealed record VerifyReportJson(string Image, IReadOnlyDictionary<string, (string Status, string Detail)> Checks, BerthRun Run)
{
    public static VerifyReportJson Parse(BerthRun run)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(run.StandardOutput);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"verify did not print JSON ({e.Message}):\n{run.Describe()}");
        }
        using (document)
        {
            var checks = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            foreach (var check in document.RootElement.GetProperty("checks").EnumerateArray())
                checks[check.GetProperty("id").GetString()!] = (check.GetProperty("status").GetString()!, check.GetProperty("detail").GetString()!);
            return new VerifyReportJson(document.RootElement.GetProperty("image").GetString()!, checks, run);
        }
    }

    public IReadOnlyList<string> Failed => [.. Checks.Where(c => c.Value.Status == "fail").Select(c => c.Key).Order(StringComparer.Ordinal)];

    public string Status(string id) => Checks.TryGetValue(id, out var check) ? check.Status : "missing";

    public string Table() => string.Join('\n', Checks.Select(c => $"{c.Key} {c.Value.Status,-4} {c.Value.Detail}"));
}
