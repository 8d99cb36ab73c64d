using System.Text.Json;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Compatibility;

/// <summary>
/// The scan JSON is an interface scripts read: every field the examples' JSON had before the profile split into a shared and a
/// per-stack part (recorded in scan-examples-before-split.json) is still there with the same value; fields may only be added.
/// </summary>
public sealed class ScanJsonCompatibilityTests
{
    [Fact]
    public void Every_field_from_before_the_profile_split_keeps_its_name_and_value()
    {
        var run = BerthCli.Run("scan", Path.Combine(RepoPaths.Root, "examples"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var before = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Apps", "Compatibility", "scan-examples-before-split.json")));
        using var now = JsonDocument.Parse(run.Stdout);
        // examples/ has grown (Node services, the multi-service chat-platform): the services that were there must read as before, in order.
        var paths = before.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("path").GetString()).ToHashSet(StringComparer.Ordinal);
        using var pythonServices = JsonDocument.Parse("[" + string.Join(",", now.RootElement.GetProperty("services").EnumerateArray()
            .Where(s => paths.Contains(s.GetProperty("path").GetString())).Select(s => s.GetRawText())) + "]");
        var missing = new List<string>();
        // The top-level skipped and notes lists describe whatever examples/ holds: only their names must stay.
        foreach (var property in before.RootElement.EnumerateObject().Where(p => p.Name != "root"))
        {
            if (property.Name == "services")
                Compare("$.services", property.Value, pythonServices.RootElement, missing);
            else if (!now.RootElement.TryGetProperty(property.Name, out _))
                missing.Add($"$.{property.Name}: missing");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Python_services_carry_their_stack_part_in_a_python_block()
    {
        var run = BerthCli.Run("scan", Path.Combine(RepoPaths.Root, "examples"), "--format", "json");
        using var now = JsonDocument.Parse(run.Stdout);
        foreach (var service in now.RootElement.GetProperty("services").EnumerateArray().Where(s => s.GetProperty("runtime").GetProperty("language").GetString() == "python"))
        {
            var python = service.GetProperty("python");
            Assert.Equal(service.GetProperty("entrypoint").GetString(), python.GetProperty("entrypoint").GetString());
            Assert.Equal(service.GetProperty("server").GetString(), python.GetProperty("server").GetString());
        }
    }

    private static void Compare(string where, JsonElement expected, JsonElement? actual, List<string> missing)
    {
        if (actual is not { } value)
        {
            missing.Add($"{where}: missing");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                    Compare($"{where}.{property.Name}", property.Value, value.ValueKind == JsonValueKind.Object && value.TryGetProperty(property.Name, out var inner) ? inner : null, missing);
                break;
            case JsonValueKind.Array:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != expected.GetArrayLength())
                {
                    missing.Add($"{where}: array length {expected.GetArrayLength()} expected");
                    break;
                }
                for (var i = 0; i < expected.GetArrayLength(); i++)
                    Compare($"{where}[{i}]", expected[i], value[i], missing);
                break;
            default:
                if (expected.GetRawText() != value.GetRawText())
                    missing.Add($"{where}: {expected.GetRawText()} expected, {value.GetRawText()} found");
                break;
        }
    }
}
