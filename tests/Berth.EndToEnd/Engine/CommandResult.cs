namespace Berth.EndToEnd.Engine;

/// <summary>What one external command did: exit code, captured output, how long it took, whether it was killed for overrunning.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command, its outcome and the last lines of its output, for assertion messages.</summary>
    public string Describe(int tailLines = 60)
    {
        var outcome = TimedOut ? $"timed out after {Elapsed.TotalSeconds:F1} s" : $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s";
        return $"$ {Command}\n({outcome})\n--- stdout (tail) ---\n{Tail(StandardOutput, tailLines)}\n--- stderr (tail) ---\n{Tail(StandardError, tailLines)}";
    }

    private static string Tail(string text, int lines)
    {
        var all = text.TrimEnd().Split('\n');
        return all.Length <= lines ? string.Join('\n', all) : string.Join('\n', all[^lines..]);
    }
}
