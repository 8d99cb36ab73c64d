using System.Globalization;
using System.Text.Json;

namespace Berth.Verification.Engine;

/// <summary>The State part of <c>container inspect</c>: running or not, how it exited, whether the kernel's OOM killer ended it.</summary>
public sealed record ContainerState(string Status, bool Running, int ExitCode, bool OomKilled, string Error)
{
    public static ContainerState? Parse(string inspectJson)
    {
        using var document = JsonDocument.Parse(inspectJson);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            if (root.GetArrayLength() == 0)
                return null;
            root = root[0];
        }
        if (!root.TryGetProperty("State", out var state) || state.ValueKind != JsonValueKind.Object)
            return null;
        return new ContainerState(
            Text(state, "Status"),
            state.TryGetProperty("Running", out var running) && running.ValueKind == JsonValueKind.True,
            state.TryGetProperty("ExitCode", out var exit) && exit.TryGetInt32(out var code) ? code : 0,
            state.TryGetProperty("OOMKilled", out var oom) && oom.ValueKind == JsonValueKind.True,
            Text(state, "Error"));
    }

    public string Describe() => Running ? "running" : $"{Status}, exit code {ExitCode.ToString(CultureInfo.InvariantCulture)}{(OomKilled ? ", OOM-killed" : "")}";

    private static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

/// <summary>A process in a container as <c>docker top ID -eo pid,ppid,uid,args</c> lists it (host pids).</summary>
public sealed record ContainerProcess(int Pid, int ParentPid, string User, string Arguments)
{
    public int? Uid => int.TryParse(User, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;

    public static IReadOnlyList<ContainerProcess> ParseTop(string output)
    {
        var processes = new List<ContainerProcess>();
        foreach (var line in output.Split('\n').Skip(1))
        {
            var columns = line.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (columns.Length < 3
                || !int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || !int.TryParse(columns[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                continue;
            }
            processes.Add(new ContainerProcess(pid, parent, columns[2], columns.Length > 3 ? columns[3] : ""));
        }
        return processes;
    }
}
