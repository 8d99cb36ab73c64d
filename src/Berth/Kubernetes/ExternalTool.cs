using System.Diagnostics;

namespace Berth.Kubernetes;

/// <summary>The renderers Berth runs when they are there: kubectl (for <c>kubectl kustomize</c>) and helm (for <c>helm template</c>).</summary>
public sealed record RendererTools(string? Kubectl, string? Helm)
{
    public static RendererTools None { get; } = new(null, null);

    /// <summary>kubectl and helm as found on PATH.</summary>
    public static RendererTools FromPath() => new(ExternalTool.OnPath("kubectl"), ExternalTool.OnPath("helm"));
}

/// <summary>What a tool printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);

/// <summary>Runs a command-line tool with arguments (no shell), its output captured, killed when it runs past the timeout.</summary>
public static class ExternalTool
{
    public static string? OnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    public static ToolResult Run(string program, IEnumerable<string> arguments, string workingFolder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolResult(-1, stdout.Result, stderr.Result, true);
        }
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result, false);
    }
}
