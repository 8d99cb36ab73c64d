using Berth.Cli;

namespace Berth.Tests.Support;

public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the berth command in-process and captures what it prints.</summary>
public static class BerthCli
{
    public static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BerthApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
