namespace Berth.EndToEnd.Engine;

/// <summary>An image tag this test owns: removed on dispose, whether or not the build got that far.</summary>
public sealed class ImageLease(DockerCli engine, string tag) : IAsyncDisposable
{
    public string Tag { get; } = tag;

    public async ValueTask DisposeAsync() => await engine.RemoveImageAsync(Tag);
}
