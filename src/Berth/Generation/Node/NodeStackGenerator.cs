using Berth.Apps;

namespace Berth.Generation.Node;

/// <summary>Plans Node.js services' images: <see cref="NodeImagePlan"/>.</summary>
public sealed class NodeStackGenerator : IStackGenerator
{
    public string Language => "node";

    public IServiceImagePlan Plan(ServiceProfile profile, GenerationOptions options) => NodeImagePlan.For(profile, options);
}
