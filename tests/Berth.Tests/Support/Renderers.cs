using Berth.Kubernetes;

namespace Berth.Tests.Support;

/// <summary>The real helm and kubectl for tests that render charts and overlays: on PATH, else the testbed's; a loud skip without them.</summary>
public static class Renderers
{
    private const string Testbed = "/var/lib/testbed/bin";

    public static string? Find(string name) =>
        ExternalTool.OnPath(name) ?? (File.Exists(Path.Combine(Testbed, name)) ? Path.Combine(Testbed, name) : null);

    /// <summary>The tool's path, or an xunit skip whose reason (also written to stderr) says the renderer tests did not run.</summary>
    public static string Require(string name)
    {
        if (Find(name) is { } path)
            return path;
        var message = $"NO {name.ToUpperInvariant()}: not on PATH nor in {Testbed} (run `. ../shared/testbed/up` first) - tests that render with {name} did not run";
        Console.Error.WriteLine(message);
        Assert.Skip(message);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }
}
