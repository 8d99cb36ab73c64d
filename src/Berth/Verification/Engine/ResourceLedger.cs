namespace Berth.Verification.Engine;

/// <summary>
/// Everything a verify run creates on the engine (containers, the image it built), removed in one place whatever happened: success,
/// a failed check, a timeout, an exception or Ctrl-C. Removal ignores cancellation so an interrupted run still cleans up.
/// </summary>
public sealed class ResourceLedger(ContainerEngine engine)
{
    private readonly List<string> _containers = [];
    private readonly List<string> _images = [];

    public void AddContainer(string nameOrId)
    {
        lock (_containers)
            _containers.Add(nameOrId);
    }

    public void AddImage(string reference)
    {
        lock (_images)
            _images.Add(reference);
    }

    /// <summary>
    /// Removes containers first (an image in use cannot go), then images unless <paramref name="keepImages"/>. What is gone is struck
    /// off, so a second call (the safety net after an exception) asks the engine only about what is still there.
    /// </summary>
    public async Task<IReadOnlyList<string>> CleanupAsync(bool keepImages)
    {
        var problems = new List<string>();
        string[] containers, images;
        lock (_containers)
            containers = [.. _containers.Distinct(StringComparer.Ordinal)];
        lock (_images)
            images = [.. _images.Distinct(StringComparer.Ordinal)];
        foreach (var container in containers)
        {
            var result = await engine.RemoveContainerAsync(container);
            if (!result.Succeeded && !NotFound(result))
                problems.Add($"container {container}: {result.Describe(3)}");
            else
                lock (_containers)
                    _containers.Remove(container);
        }
        if (!keepImages)
        {
            foreach (var image in images)
            {
                var result = await engine.RemoveImageAsync(image);
                if (!result.Succeeded && !NotFound(result))
                    problems.Add($"image {image}: {result.Describe(3)}");
                else
                    lock (_images)
                        _images.Remove(image);
            }
        }
        return problems;
    }

    private static bool NotFound(CommandResult result) =>
        result.StandardError.Contains("No such", StringComparison.OrdinalIgnoreCase) || result.StandardError.Contains("not found", StringComparison.OrdinalIgnoreCase)
        || result.StandardError.Contains("no container with", StringComparison.OrdinalIgnoreCase);
}
