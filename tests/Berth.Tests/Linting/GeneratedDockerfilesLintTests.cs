using Berth.Apps.Python;
using Berth.Linting;
using Berth.Tests.Support;

namespace Berth.Tests.Linting;

/// <summary>What berth init writes must pass berth lint against the app it was written for.</summary>
public sealed class GeneratedDockerfilesLintTests
{
    [Theory]
    [InlineData("notes-api", "slim")]
    [InlineData("notes-api", "distroless")]
    [InlineData("inventory-service", "slim")]
    [InlineData("inventory-service", "distroless")]
    [InlineData("next-web", "slim")]
    [InlineData("next-web", "distroless")]
    [InlineData("express-api", "slim")]
    [InlineData("express-api", "distroless")]
    [InlineData("vite-spa", "slim")]
    [InlineData("vite-spa", "distroless")]
    [InlineData("nest-api", "slim")]
    [InlineData("nest-api", "distroless")]
    public void Generated_dockerfiles_have_no_findings(string example, string runtime)
    {
        using var output = new TempTree();
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Example(example), "--out", output.Root, "--runtime", runtime).ExitCode);
        var app = Assert.Single(Berth.Apps.RepositoryScanner.Scan(RepoPaths.Example(example)).Services);
        var findings = DockerfileLinter.Lint("Dockerfile", File.ReadAllText(output.PathOf("Dockerfile")), app,
            f => File.Exists(Path.Combine(RepoPaths.Example(example), f)), File.ReadAllText(output.PathOf(".dockerignore")));
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Line}: {f.Rule} {f.Message}")));
    }
}
