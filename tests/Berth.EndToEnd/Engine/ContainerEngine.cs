namespace Berth.EndToEnd.Engine;

/// <summary>Finds the engine once per test run; tests that need it either get it or are skipped loudly.</summary>
public static class ContainerEngine
{
    private static readonly Lazy<Task<(DockerCli? Engine, string Detail)>> Probe =
        new(() => DockerCli.ProbeAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The engine, or an xunit skip whose reason (also written to stderr) says the end-to-end tests did not run.</summary>
    public static async Task<DockerCli> RequireAsync()
    {
        var (engine, detail) = await Probe.Value;
        if (engine is not null)
            return engine;
        var message = $"NO CONTAINER ENGINE: {detail}; PATH docker, DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "(unset)"} "
            + "(run `. ../shared/testbed/up` first) - end-to-end tests did not run";
        await Console.Error.WriteLineAsync(message);
        Assert.Skip(message);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }
}
