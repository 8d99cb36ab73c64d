using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Cli;

namespace Berth.EndToEnd.Proof;

/// <summary>What to build and how to judge the running container. Port and health routes are the scan's, not the test's.</summary>
public sealed record ProofRequest(
    string ContextDirectory,
    string ImageTag,
    string ContainerName,
    int Port,
    IReadOnlyList<ScannedRoute> Health,
    RuntimeFlavour Runtime,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> ForbiddenValues,
    Func<string> Description)
{
    /// <summary><c>--build-arg</c> values for the build (e.g. a server pin the local package index serves).</summary>
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Distribution name → the version the image's venv must hold (read with importlib.metadata).</summary>
    public IReadOnlyDictionary<string, string> ExpectedVersions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
