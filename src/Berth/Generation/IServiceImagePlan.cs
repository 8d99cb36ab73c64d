using Berth.Apps;

namespace Berth.Generation;

/// <summary>One stack's decisions for one service's image: made from the profile, printed by <c>berth init</c>, rendered into files.</summary>
public interface IServiceImagePlan
{
    ServiceProfile Profile { get; }

    /// <summary>What the image promises whoever runs it (compose, Kubernetes, verify).</summary>
    ContainerContract Container { get; }

    /// <summary>Each decision with its reason, in the order it was made.</summary>
    IReadOnlyList<string> Decisions { get; }

    /// <summary>The files the stack writes for the service, the Dockerfile first, paths relative to the output root.</summary>
    IReadOnlyList<GeneratedFile> Files(OutputLayout layout);
}

/// <summary>The generator for one language: turns a profile of that language into an image plan.</summary>
public interface IStackGenerator
{
    /// <summary>The <see cref="RuntimeInfo.Language"/> this generator takes ("python", "node").</summary>
    string Language { get; }

    /// <summary>
    /// Why this generator writes no image for the service (a package manager it cannot install with, say), or null when it
    /// can plan one. A declined service is reported and skipped; the rest of the repository is still written.
    /// </summary>
    string? Declines(ServiceProfile profile);

    IServiceImagePlan Plan(ServiceProfile profile, GenerationOptions options);
}
