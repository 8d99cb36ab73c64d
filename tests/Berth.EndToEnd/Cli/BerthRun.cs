using Berth.Cli;

namespace Berth.EndToEnd.Cli;

/// <summary>One in-process <c>berth</c> invocation and everything it printed.</summary>
public sealed record BerthRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public static async Task<BerthRun> InvokeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await BerthApp.RunAsync([.. arguments], stdout, stderr, cancellationToken);
        return new BerthRun(arguments, exitCode, stdout.ToString(), stderr.ToString());
    }

    public string Describe() =>
        $"$ berth {string.Join(' ', Arguments)}\n(exit {ExitCode})\n--- stdout ---\n{StandardOutput.TrimEnd()}\n--- stderr ---\n{StandardError.TrimEnd()}";
}
