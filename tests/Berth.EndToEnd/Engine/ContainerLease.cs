namespace Berth.EndToEnd.Engine;

/// <summary>A container this test started: force-removed on dispose (stopped or not).</summary>
public sealed class ContainerLease(DockerCli engine, string id) : IAsyncDisposable
{
    public string Id { get; } = id;

    public async ValueTask DisposeAsync() => await engine.RemoveContainerAsync(Id);
}
