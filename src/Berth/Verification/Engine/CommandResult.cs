namespace Berth.Verification.Engine;

/// <summary>What an external command did: exit code (-1 when it could not start or timed out), its output, and how long it took.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command, its exit and the last lines of its output: enough to see why it failed.</summary>
    public string Describe(int lastLines = 20)
    {
        var status = TimedOut ? $"timed out after {Elapsed.TotalSeconds:F0} s" : $"exit {ExitCode}";
        var output = (StandardOutput + "\n" + StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return $"$ {Command}\n{status}\n{string.Join('\n', output.TakeLast(lastLines))}";
    }
}
