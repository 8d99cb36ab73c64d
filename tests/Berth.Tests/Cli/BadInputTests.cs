using System.Diagnostics;
using Berth.Tests.Support;

namespace Berth.Tests.Cli;

/// <summary>
/// Bad input seen on real trees: special files under manifest names, messages that must name the path the user typed,
/// binary manifests, and pyproject keys of the wrong type — exit 2 with file and line, no stack trace, nothing written.
/// </summary>
public sealed class BadInputTests
{
    private static readonly Dictionary<string, string> App = new()
    {
        ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
    };

    [Fact]
    public async Task A_named_pipe_called_requirements_txt_is_never_opened()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        using var tree = new TempTree(App);
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [tree.PathOf("requirements.txt")]) { UseShellExecute = false })!)
            mkfifo.WaitForExit();
        Assert.True(File.Exists(tree.PathOf("requirements.txt")), "mkfifo made the pipe");

        var scan = Task.Run(() => BerthCli.Run("scan", tree.Root), TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(first == scan, "scan returned instead of waiting for a writer on the pipe");
        var run = await scan;
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("app.main:app", run.Stdout);
    }

    [Fact]
    public void Messages_name_the_folder_the_user_gave_not_dot()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["README.md"] = "hi\n" });
        var run = BerthCli.Run("scan", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"berth: {tree.Root}: no web service found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_problem_names_the_file_under_the_folder_the_user_gave()
    {
        using var tree = new TempTree(App);
        tree.Write("requirements.txt", "fastapi\nnot a >> requirement\n");
        var run = BerthCli.Run("scan", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"berth: {Path.Join(tree.Root, "requirements.txt")}:2: ", run.Stderr);
    }

    [Fact]
    public void A_binary_requirements_file_is_refused_without_printing_its_bytes()
    {
        using var tree = new TempTree(App);
        File.WriteAllBytes(tree.PathOf("requirements.txt"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x1B, (byte)'[', (byte)'2', (byte)'J', 0x00, 0x00, 0xFF, 0xFE]);
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("requirements.txt:1: binary content", run.Stderr);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\0', run.Stderr);
        Assert.Equal(before, tree.Files());
    }

    [Fact]
    public void Control_bytes_in_a_bad_requirement_are_escaped_and_cut()
    {
        using var tree = new TempTree(App);
        tree.Write("requirements.txt", "fastapi\n\u001b[31m" + new string('x', 500) + " >> 1\n");
        var run = BerthCli.Run("scan", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("requirements.txt:2: '\\x1b[31mxxx", run.Stderr);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain(new string('x', 200), run.Stderr);
    }

    [Theory]
    [InlineData("[project]\nname = \"api\"\ndependencies = \"fastapi\"\n", 3, "[project] dependencies must be an array, but it is a string")]
    [InlineData("[project]\nname = \"api\"\nrequires-python = [\">=3.11\"]\n", 3, "[project] requires-python must be a string, but it is an array")]
    [InlineData("[project]\nname = 5\n", 2, "[project] name must be a string, but it is an integer")]
    [InlineData("[project]\nname = \"api\"\ndependencies = [\n  \"fastapi\",\n  5,\n]\n", 5, "[project] dependencies must hold strings, but one item is an integer")]
    [InlineData("[tool.poetry]\nname = \"api\"\n\n[tool.poetry.dependencies]\npython = \"^3.11\"\nfastapi = 1\n", 6, "[tool.poetry.dependencies] fastapi must be a version string or a table, but it is an integer")]
    [InlineData("project = \"api\"\n", 1, "[project] must be a table, but it is a string")]
    public void A_pyproject_key_of_the_wrong_type_exits_2_at_its_line(string pyproject, int line, string message)
    {
        using var tree = new TempTree(App);
        tree.Write("pyproject.toml", pyproject);
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"pyproject.toml:{line}: {message}", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal(before, tree.Files());
    }
}
