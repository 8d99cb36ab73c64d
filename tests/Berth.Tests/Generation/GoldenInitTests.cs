using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>scan → init on every fixture app and example, for both runtimes, compared byte for byte with the reviewed golden files.</summary>
public sealed class GoldenInitTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "fixture", "flask-gunicorn", "slim" },
        { "fixture", "django-site", "slim" },
        { "fixture", "django-site", "distroless" },
        { "fixture", "uv-simple", "slim" },
        { "fixture", "uv-workspace", "slim" },
        { "fixture", "uv-workspace", "distroless" },
        { "fixture", "monorepo", "slim" },
        { "fixture", "pipenv-app", "slim" },
        { "fixture", "flask-factory", "slim" },
        { "fixture", "fastapi-settings-prefix", "slim" },
        { "example", "notes-api", "slim" },
        { "example", "notes-api", "distroless" },
        { "example", "inventory-service", "slim" },
        { "example", "inventory-service", "distroless" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_files_match_the_golden_files(string kind, string app, string runtime)
    {
        var source = kind == "example" ? RepoPaths.Example(app) : RepoPaths.Fixture(app);
        using var output = new TempTree();
        var run = BerthCli.Run("init", source, "--out", output.Root, "--runtime", runtime);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder($"{app}/{runtime}", output.Root);
    }

    [Fact]
    public void Poetry_lock_installed_with_pip_matches_the_golden_file()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Example("inventory-service"), "--out", output.Root, "--runtime", "distroless", "--installer", "pip");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder("inventory-service/distroless-pip", output.Root);
    }

    [Fact]
    public void Gunicorn_with_a_worker_count_matches_the_golden_file()
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Example("notes-api"), "--out", output.Root, "--server", "gunicorn", "--workers", "4");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Golden.AssertFolder("notes-api/slim-gunicorn", output.Root);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        using var first = new TempTree();
        using var second = new TempTree();
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Fixture("monorepo"), "--out", first.Root).ExitCode);
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Fixture("monorepo"), "--out", second.Root).ExitCode);
        Assert.Equal(first.Files(), second.Files());
        foreach (var file in first.Files())
            Assert.Equal(File.ReadAllBytes(first.PathOf(file)), File.ReadAllBytes(second.PathOf(file)));
    }
}
