using System.ComponentModel;
using System.Diagnostics;

namespace Berth.EndToEnd.Engine;

/// <summary>Runs an external program with a hard timeout; the whole process tree is killed when it overruns or the test is cancelled.</summary>
public static class CommandRunner
{
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var command = Render(fileName, arguments);
        using var process = new Process { StartInfo = StartInfo(fileName, arguments, environment) };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new CommandResult(command, -1, "", $"could not start {fileName}: {ex.Message}", clock.Elapsed, TimedOut: false);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var timedOut = !await WaitOrKillAsync(process, timeout, cancellationToken);
        var result = new CommandResult(command, timedOut ? -1 : process.ExitCode, await stdout, await stderr, clock.Elapsed, timedOut);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary>Runs a program and hands its stdout as a stream to <paramref name="consume"/> (e.g. a tar from <c>docker export</c>).</summary>
    public static async Task<CommandResult> StreamAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        Func<Stream, CancellationToken, Task> consume,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var command = Render(fileName, arguments);
        using var process = new Process { StartInfo = StartInfo(fileName, arguments, environment: null) };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new CommandResult(command, -1, "", $"could not start {fileName}: {ex.Message}", clock.Elapsed, TimedOut: false);
        }
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await consume(process.StandardOutput.BaseStream, limit.Token);
            // Drain whatever the consumer did not read so the process can exit.
            await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: fall through, WaitOrKill reports it.
        }
        catch
        {
            // The consumer failed (or the test was cancelled): do not leave the producer blocked on a full pipe.
            Kill(process);
            throw;
        }
        var timedOut = !await WaitOrKillAsync(process, timeout - clock.Elapsed, cancellationToken);
        var result = new CommandResult(command, timedOut ? -1 : process.ExitCode, "", await stderr, clock.Elapsed, timedOut);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    private static ProcessStartInfo StartInfo(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
                info.Environment[name] = value;
        }
        return info;
    }

    /// <returns>true when the process exited by itself within the timeout.</returns>
    private static async Task<bool> WaitOrKillAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            return false;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Render(string fileName, IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
}
