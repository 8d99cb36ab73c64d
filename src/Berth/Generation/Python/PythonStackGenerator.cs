using Berth.Apps;

namespace Berth.Generation.Python;

/// <summary>Plans Python services' images: <see cref="PythonImagePlan"/>.</summary>
public sealed class PythonStackGenerator : IStackGenerator
{
    public string Language => "python";

    public string? Declines(ServiceProfile profile) => null;

    public IServiceImagePlan Plan(ServiceProfile profile, GenerationOptions options) => PythonImagePlan.For(profile, options);
}
