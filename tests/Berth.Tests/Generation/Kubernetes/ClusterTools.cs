using System.Diagnostics;

namespace Berth.Tests.Generation.Kubernetes;

public sealed record ToolRun(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// The real kubectl, helm and node binaries (PATH, then the testbed's /var/lib/testbed/bin, then /usr/bin). A test that needs one
/// either gets it or is skipped with a loud message saying the proof did not run.
/// </summary>
public static class ClusterTools
{
    private static readonly string[] Folders =
        [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries), "/var/lib/testbed/bin", "/usr/bin", "/usr/local/bin"];

    public static string? Find(string name) =>
        Folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);

    public static string Require(string name)
    {
        if (Find(name) is { } path)
            return path;
        var message = $"NO {name.ToUpperInvariant()}: not on PATH, /var/lib/testbed/bin or /usr/bin (run `. ../shared/testbed/up` first) - this Kubernetes proof did not run";
        Console.Error.WriteLine(message);
        Assert.Skip(message);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }

    public static ToolRun Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["HOME"] = Path.Combine(Path.GetTempPath(), "berth-k8s-tools-home");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "berth-k8s-tools-home", "helm-cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "berth-k8s-tools-home", "helm-config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(Path.GetTempPath(), "berth-k8s-tools-home", "helm-data");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new ToolRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
