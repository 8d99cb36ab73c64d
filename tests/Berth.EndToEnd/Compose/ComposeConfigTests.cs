using Berth.EndToEnd.Cli;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd.Compose;

/// <summary>A real compose engine accepts every compose.yaml berth init writes (`config` parses, validates and resolves it).</summary>
public sealed class ComposeConfigTests
{
    public static TheoryData<string, string> Repositories() => new()
    {
        { "fixture", "compose-repo" },
        { "fixture", "monorepo" },
        { "fixture", "flask-gunicorn" },
        { "fixture", "django-site" },
        { "fixture", "migrating-api" },
        { "fixture", "pipenv-app" },
        { "fixture", "uv-simple" },
        { "fixture", "uv-workspace" },
        { "example", "notes-api" },
        { "example", "inventory-service" },
        { "example", "." },
        { "e2e", "compose" },
    };

    [Theory]
    [MemberData(nameof(Repositories))]
    public async Task Compose_config_accepts_the_generated_file(string kind, string name)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var compose = await ComposeCli.RequireAsync();
        using var scratch = TempDirectory.Create("berth-compose-config-");
        var repository = Path.Combine(scratch.Path, name == "." ? "examples" : name);
        DirectoryCopy.Copy(Source(kind, name), repository);

        var init = await BerthRun.InvokeAsync(["init", repository], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        await AssertConfigAsync(compose, repository, cancellationToken);
    }

    [Fact]
    public async Task Compose_config_accepts_the_file_written_under_out()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var compose = await ComposeCli.RequireAsync();
        using var scratch = TempDirectory.Create("berth-compose-config-out-");
        var repository = Path.Combine(scratch.Path, "compose-repo");
        DirectoryCopy.Copy(Source("fixture", "compose-repo"), repository);
        var output = Path.Combine(scratch.Path, "generated", "deploy");

        var init = await BerthRun.InvokeAsync(["init", repository, "--out", output], cancellationToken);
        Assert.True(init.ExitCode == 0, init.Describe());
        await AssertConfigAsync(compose, output, cancellationToken);
    }

    /// <summary>Creates the .env files compose.yaml asks for (as its header says to: from the .env.example init wrote), then runs <c>config</c>.</summary>
    private static async Task AssertConfigAsync(ComposeCli compose, string directory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, "compose.yaml");
        var yaml = await File.ReadAllTextAsync(file, cancellationToken);
        foreach (var envFile in EnvFiles(yaml).Where(f => f.EndsWith("/.env", StringComparison.Ordinal) || f == ".env"))
        {
            var path = Path.GetFullPath(Path.Combine(directory, envFile));
            if (File.Exists(path))
                continue; // the example's own .env
            var beside = Path.Combine(Path.GetDirectoryName(path)!, ".env.example");
            var underOut = Path.Combine(directory, Path.GetFileName(Path.GetDirectoryName(path)!), ".env.example");
            File.Copy(File.Exists(beside) ? beside : underOut, path);
        }
        var config = await compose.RunAsync(directory, ["-f", file, "config"], TimeSpan.FromSeconds(60), cancellationToken);
        Assert.True(config.Succeeded, $"{compose.Name} {compose.Version} rejects the generated compose.yaml:\n{config.Describe(40)}\n--- compose.yaml ---\n{yaml}");
        foreach (var line in yaml.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && l.EndsWith(':')))
            Assert.Contains(line.Trim(), config.StandardOutput);
    }

    /// <summary>The env_file entries of compose.yaml (block sequences under <c>env_file:</c>).</summary>
    private static IEnumerable<string> EnvFiles(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "env_file:")
                continue;
            for (var j = i + 1; j < lines.Length && lines[j].TrimStart().StartsWith("- ", StringComparison.Ordinal); j++)
                yield return lines[j].Trim()[2..].Trim('"');
        }
    }

    private static string Source(string kind, string name) => kind switch
    {
        "example" => name == "." ? RepositoryLayout.ExamplesDirectory : Path.Combine(RepositoryLayout.ExamplesDirectory, name),
        "e2e" => Path.Combine(RepositoryLayout.FixturesDirectory, name),
        _ => Path.Combine(Path.GetDirectoryName(RepositoryLayout.UvWorkspaceFixtureDirectory)!, name),
    };
}
