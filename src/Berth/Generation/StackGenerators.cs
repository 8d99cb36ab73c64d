using Berth.Apps;
using Berth.Generation.Node;
using Berth.Generation.Python;

namespace Berth.Generation;

/// <summary>Every stack Berth writes images for; a profile is planned by the generator of its language.</summary>
public static class StackGenerators
{
    public static IReadOnlyList<IStackGenerator> All { get; } = [new PythonStackGenerator(), new NodeStackGenerator()];

    public static IServiceImagePlan Plan(ServiceProfile profile, GenerationOptions options) =>
        (For(profile) ?? throw new InputException(profile.Path, 0, $"{profile.Name}: no image generator for {profile.Runtime.Language} services"))
        .Plan(profile, options);

    /// <summary>Why no image is written for the service, or null when its stack's generator plans one.</summary>
    public static string? Declines(ServiceProfile profile) =>
        For(profile) is { } generator ? generator.Declines(profile) : $"Berth writes no images for {profile.Runtime.Language} services yet";

    private static IStackGenerator? For(ServiceProfile profile) => All.FirstOrDefault(g => g.Language == profile.Runtime.Language);
}
