using Berth.Apps;

namespace Berth.Generation.Node;

/// <summary>Plans Node.js services' images: <see cref="NodeImagePlan"/>.</summary>
public sealed class NodeStackGenerator : IStackGenerator
{
    public string Language => "node";

    public string? Declines(ServiceProfile profile) => profile.PackageManager == "bun"
        ? $"its lock file is bun's ({profile.LockFile ?? "bun in package.json"}): Berth writes Node.js images installed with npm, pnpm or yarn, and " +
          "bun's lock needs bun to install; write this service's Dockerfile by hand (oven/bun base image) or commit an npm, pnpm or yarn lock"
        : null;

    public IServiceImagePlan Plan(ServiceProfile profile, GenerationOptions options) => NodeImagePlan.For(profile, options);
}
