using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Apps;

/// <summary>An example copied to a scratch folder (named like the example, .env included) and the result of <c>berth init</c> on it.</summary>
public sealed record InitializedService(ExampleApp App, string Directory, BerthRun Init, IReadOnlyList<string> FilesBefore, IReadOnlyList<string> DotenvValues)
{
    public static readonly IReadOnlyList<string> GeneratedFileNames = ["Dockerfile", ".dockerignore", ".env.example"];

    public static InitializedService CopyOnly(ExampleApp app, TempDirectory scratch)
    {
        var directory = Path.Combine(scratch.Path, app.Name);
        DirectoryCopy.Copy(app.SourceDirectory, directory);
        var values = DotenvFile.DistinctiveValues(Path.Combine(directory, ".env"));
        if (values.Count == 0)
            throw new InvalidOperationException($"examples/{app.Name}/.env has no distinctive values to watch for");
        return new InitializedService(app, directory, new BerthRun([], -1, "", ""), DirectoryCopy.ListFiles(directory), values);
    }

    public static async Task<InitializedService> CreateAsync(
        ExampleApp app, TempDirectory scratch, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        var copy = CopyOnly(app, scratch);
        var init = await BerthRun.InvokeAsync(["init", copy.Directory, .. extraArguments, .. app.InitArguments], cancellationToken);
        return copy with { Init = init };
    }

    public string Read(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : $"({relativePath} does not exist)";
    }

    /// <summary>Files init created or changed, relative to the service folder.</summary>
    public IReadOnlyList<string> WrittenFiles() =>
        DirectoryCopy.ListFiles(Directory).Where(f => !FilesBefore.Contains(f) || GeneratedFileNames.Contains(f)).ToList();

    /// <summary>Every .env value found in what init wrote or printed.</summary>
    public IEnumerable<string> DotenvLeaks()
    {
        foreach (var file in WrittenFiles())
        {
            foreach (var leak in DotenvFile.Leaks(DotenvValues, File.ReadAllText(Path.Combine(Directory, file)), $"generated file {file}"))
                yield return leak;
        }
        foreach (var leak in DotenvFile.Leaks(DotenvValues, Init.StandardOutput, "init stdout"))
            yield return leak;
        foreach (var leak in DotenvFile.Leaks(DotenvValues, Init.StandardError, "init stderr"))
            yield return leak;
    }

    public string GeneratedFilesForReport() =>
        string.Join("\n", GeneratedFileNames.Select(f => $"--- {f} ---\n{Read(f).TrimEnd()}"));
}
