using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Berth.Verification.Engine;

/// <summary>Runs a program and collects what it printed. The seam the engine adapter goes through, so checks can be tested with recorded outputs.</summary>
public interface ICommandRunner
{
    /// <param name="onLine">Called with every line the program prints (stdout and stderr) while it runs, e.g. to show build progress.</param>
    /// <param name="environment">Extra environment variables for the program (values that must not appear on a command line).</param>
    Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null);

    /// <summary>Hands the program's stdout to <paramref name="consume"/> as a stream (e.g. the tar of <c>docker save</c>).</summary>
    Task<CommandResult> StreamAsync(string fileName, IReadOnlyList<string> arguments, Func<Stream, CancellationToken, Task> consume, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>Real processes, with a hard timeout: the whole process tree is killed when it overruns or the caller cancels.</summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    public async Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = Render(fileName, arguments);
        var clock = Stopwatch.StartNew();
        var (process, startError) = Start(fileName, arguments, environment);
        if (process is null)
            return new CommandResult(command, -1, "", startError, clock.Elapsed, TimedOut: false);
        using var started = process;
        var stdout = ReadLinesAsync(process.StandardOutput, onLine);
        var stderr = ReadLinesAsync(process.StandardError, onLine);
        var finished = await WaitOrKillAsync(process, timeout, cancellationToken);
        var result = new CommandResult(command, finished ? process.ExitCode : -1, await stdout, await stderr, clock.Elapsed, TimedOut: !finished);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    public async Task<CommandResult> StreamAsync(
        string fileName, IReadOnlyList<string> arguments, Func<Stream, CancellationToken, Task> consume, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = Render(fileName, arguments);
        var clock = Stopwatch.StartNew();
        var (process, startError) = Start(fileName, arguments, environment: null);
        if (process is null)
            return new CommandResult(command, -1, "", startError, clock.Elapsed, TimedOut: false);
        using var started = process;
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await consume(process.StandardOutput.BaseStream, limit.Token);
            await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: WaitOrKill below reports it.
        }
        catch
        {
            Kill(process);
            throw;
        }
        var finished = await WaitOrKillAsync(process, timeout - clock.Elapsed, cancellationToken);
        var result = new CommandResult(command, finished ? process.ExitCode : -1, "", await stderr, clock.Elapsed, TimedOut: !finished);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary>Starts the program with stdin closed; null and why when it cannot be started (not found, not executable).</summary>
    private static (Process? Process, string Error) Start(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var process = new Process { StartInfo = StartInfo(fileName, arguments, environment) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            return (null, $"could not start {fileName}: {ex.Message}");
        }
        process.StandardInput.Close();
        return (process, "");
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

    private static async Task<string> ReadLinesAsync(StreamReader reader, Action<string>? onLine)
    {
        if (onLine is null)
            return await reader.ReadToEndAsync(CancellationToken.None);
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            text.Append(line).Append('\n');
            onLine(line);
        }
        return text.ToString();
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

    public static string Render(string fileName, IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
}
