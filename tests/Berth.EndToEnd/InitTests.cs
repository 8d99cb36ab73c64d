using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>The <c>init</c> contract on the real examples; no container engine needed.</summary>
public sealed class InitTests
{
    [Theory]
    [InlineData("notes-api", "slim")]
    [InlineData("notes-api", "distroless")]
    [InlineData("inventory-service", "slim")]
    [InlineData("inventory-service", "distroless")]
    public async Task Init_writes_the_three_files_into_the_service_folder_without_dotenv_values(string example, string runtime)
    {
        var app = ExampleApp.Named(example);
        using var scratch = TempDirectory.Create($"berth-init-{example}-");
        var service = await InitializedService.CreateAsync(app, scratch, ["--runtime", runtime], TestContext.Current.CancellationToken);

        Assert.True(service.Init.ExitCode == 0, service.Init.Describe());
        var checks = new Checklist();
        foreach (var file in InitializedService.GeneratedFileNames)
            checks.Check(File.Exists(Path.Combine(service.Directory, file)), $"{file} was not written to the service folder");
        checks.AddRange(service.DotenvLeaks());
        checks.Check(File.ReadAllText(Path.Combine(service.Directory, ".env")) == File.ReadAllText(Path.Combine(app.SourceDirectory, ".env")),
            ".env was modified");

        var envExample = service.Read(".env.example");
        foreach (var name in app.RequiredEnv)
            checks.Check(envExample.Contains(name, StringComparison.Ordinal), $".env.example does not mention required variable {name}");
        var dockerignore = service.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        var allowList = dockerignore.Any(l => l is "*" or "**" or "/*" or "**/*");
        checks.Check(allowList || dockerignore.Any(l => l is ".env" or "/.env" or "**/.env" or ".env*" or "**/.env*" or "*.env" or ".env.*"),
            ".dockerignore neither excludes .env nor is an allow-list (starts from '*')");

        checks.AssertEmpty(() => service.Init.Describe() + "\n" + service.GeneratedFilesForReport());
    }

    [Theory]
    [InlineData("notes-api")]
    [InlineData("inventory-service")]
    public async Task Init_dry_run_writes_nothing(string example)
    {
        var app = ExampleApp.Named(example);
        using var scratch = TempDirectory.Create($"berth-init-dry-{example}-");
        var service = await InitializedService.CreateAsync(app, scratch, ["--dry-run"], TestContext.Current.CancellationToken);

        Assert.True(service.Init.ExitCode == 0, service.Init.Describe());
        Assert.Equal(service.FilesBefore, DirectoryCopy.ListFiles(service.Directory));
        Assert.Empty(service.DotenvLeaks());
    }

    [Theory]
    [InlineData("notes-api")]
    [InlineData("inventory-service")]
    public async Task Init_keeps_an_existing_dockerfile_unless_forced(string example)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = ExampleApp.Named(example);
        using var scratch = TempDirectory.Create($"berth-init-force-{example}-");
        var service = InitializedService.CopyOnly(app, scratch);
        var dockerfile = Path.Combine(service.Directory, "Dockerfile");
        const string handWritten = "FROM python:3.11-slim\n# hand-written, must survive init without --force\n";
        await File.WriteAllTextAsync(dockerfile, handWritten, cancellationToken);

        var withoutForce = await Cli.BerthRun.InvokeAsync(["init", service.Directory, .. app.InitArguments], cancellationToken);
        Assert.True(await File.ReadAllTextAsync(dockerfile, cancellationToken) == handWritten,
            "init without --force overwrote an existing Dockerfile:\n" + withoutForce.Describe());

        var forced = await Cli.BerthRun.InvokeAsync(["init", service.Directory, "--force", .. app.InitArguments], cancellationToken);
        Assert.True(forced.ExitCode == 0, forced.Describe());
        Assert.NotEqual(handWritten, await File.ReadAllTextAsync(dockerfile, cancellationToken));
    }
}
