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
        await RemoveAllAsync(_containers, "container", engine.RemoveContainerAsync, problems);
        if (!keepImages)
            await RemoveAllAsync(_images, "image", engine.RemoveImageAsync, problems);
        return problems;
    }

    /// <summary>Removes each entry once (gone already counts as removed), strikes it off, and notes what the engine refused.</summary>
    private static async Task RemoveAllAsync(List<string> entries, string kind, Func<string, Task<CommandResult>> remove, List<string> problems)
    {
        string[] snapshot;
        lock (entries)
            snapshot = [.. entries.Distinct(StringComparer.Ordinal)];
        foreach (var entry in snapshot)
        {
            var result = await remove(entry);
            if (!result.Succeeded && !NotFound(result))
                problems.Add($"{kind} {entry}: {result.Describe(3)}");
            else
                lock (entries)
                    entries.Remove(entry);
        }
    }

    private static bool NotFound(CommandResult result) =>
        result.StandardError.Contains("No such", StringComparison.OrdinalIgnoreCase) || result.StandardError.Contains("not found", StringComparison.OrdinalIgnoreCase)
        || result.StandardError.Contains("no container with", StringComparison.OrdinalIgnoreCase);
}
