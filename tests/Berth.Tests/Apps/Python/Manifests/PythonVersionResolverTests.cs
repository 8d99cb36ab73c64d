using Berth;
using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class PythonVersionResolverTests
{
    private static PythonVersionChoice Resolve(Dictionary<string, string> files, string service = ".")
    {
        using var tree = new TempTree(files);
        return PythonVersionResolver.Resolve(tree.Root, service, PythonManifestReader.Read(tree.Root, service));
    }

    private static readonly Dictionary<string, string> AllSources = new()
    {
        ["svc/.python-version"] = "# pinned\n3.12.4\n",
        ["svc/runtime.txt"] = "python-3.10.13\n",
        ["svc/.tool-versions"] = "nodejs 20.1.0\npython 3.9.18 3.8.10\n",
        ["svc/Pipfile"] = "[packages]\n\n[requires]\npython_version = \"3.13\"\n",
        ["svc/pyproject.toml"] = "[project]\nname = \"x\"\nrequires-python = \">=3.10,<3.12\"\n",
    };

    private static Dictionary<string, string> Without(params string[] names) =>
        AllSources.Where(kv => !names.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void Python_version_file_comes_first() =>
        Assert.Equal(new PythonVersionChoice("3.12", ".python-version", "svc/.python-version", 2), Resolve(AllSources, "svc"));

    [Fact]
    public void Runtime_txt_comes_second() =>
        Assert.Equal(new PythonVersionChoice("3.10", "runtime.txt", "svc/runtime.txt", 1), Resolve(Without("svc/.python-version"), "svc"));

    [Fact]
    public void Tool_versions_comes_third() =>
        Assert.Equal(
            new PythonVersionChoice("3.9", ".tool-versions", "svc/.tool-versions", 2),
            Resolve(Without("svc/.python-version", "svc/runtime.txt"), "svc"));

    [Fact]
    public void Pipfile_comes_fourth() =>
        Assert.Equal(
            new PythonVersionChoice("3.13", "Pipfile", "svc/Pipfile", 4),
            Resolve(Without("svc/.python-version", "svc/runtime.txt", "svc/.tool-versions"), "svc"));

    [Fact]
    public void Requires_python_comes_fifth_and_picks_the_newest_supported_minor() =>
        Assert.Equal(
            new PythonVersionChoice("3.11", "requires-python", "svc/pyproject.toml", 3),
            Resolve(Without("svc/.python-version", "svc/runtime.txt", "svc/.tool-versions", "svc/Pipfile"), "svc"));

    [Fact]
    public void Poetry_python_constraint_counts_when_requires_python_is_absent() =>
        Assert.Equal(
            new PythonVersionChoice("3.11", "poetry python", "pyproject.toml", 4),
            Resolve(new() { ["pyproject.toml"] = "[tool.poetry]\nname = \"x\"\n[tool.poetry.dependencies]\npython = \"~3.11\"\n" }));

    [Fact]
    public void Nothing_says_anything_gives_the_default() =>
        Assert.Equal(new PythonVersionChoice("3.11", "default", null, 0), Resolve(new() { ["requirements.txt"] = "flask\n" }));

    [Fact]
    public void Each_source_is_looked_up_from_the_service_folder_to_the_root()
    {
        var choice = Resolve(new() { [".python-version"] = "3.10\n", ["api/runtime.txt"] = "python-3.12.1\n", ["api/requirements.txt"] = "" }, "api");

        Assert.Equal(new PythonVersionChoice("3.10", ".python-version", ".python-version", 1), choice);
    }

    [Fact]
    public void A_nearer_file_of_the_same_kind_wins() =>
        Assert.Equal("3.13", Resolve(new() { [".python-version"] = "3.10\n", ["api/.python-version"] = "3.13.0\n" }, "api").Version);

    [Theory]
    [InlineData(">=3.10,<3.13", "3.11")]
    [InlineData("^3.11", "3.11")]
    [InlineData(">=3.8", "3.11")]
    [InlineData("==3.9.*", "3.9")]
    [InlineData("~=3.10.0", "3.10")]
    [InlineData("<3.11", "3.10")]
    [InlineData(">=3.12", "3.14")]
    [InlineData(">=3.11,!=3.11.*", "3.14")]
    [InlineData(">=3.12,<3.14", "3.13")]
    [InlineData(">=3.12,!=3.13.*,!=3.14.*", "3.12")]
    public void Constraints_choose_the_default_minor_when_allowed_else_the_newest(string constraint, string expected) =>
        Assert.Equal(expected, PythonVersionResolver.Newest(constraint, "requires-python", "pyproject.toml", 1).Version);

    [Fact]
    public void A_constraint_no_supported_minor_meets_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => Resolve(new() { ["pyproject.toml"] = "[project]\nname = \"x\"\nrequires-python = \">=3.15\"\n" }));
        Assert.Equal(("pyproject.toml", 3), (error.File, error.Line));
    }

    [Theory]
    [InlineData(".python-version", "\n\nlatest please\n", 3)]
    [InlineData(".python-version", "3.11.x\n", 1)]
    [InlineData("runtime.txt", "3.11.4\n", 1)]
    [InlineData(".tool-versions", "python\n", 1)]
    [InlineData("Pipfile", "[requires]\npython_version = \"three\"\n", 2)]
    [InlineData("pyproject.toml", "[project]\nrequires-python = \">= three\"\n", 2)]
    public void Unparseable_version_files_are_input_errors(string file, string content, int line)
    {
        var error = Assert.Throws<InputException>(() => Resolve(new() { [file] = content, ["requirements.txt"] = "" }));
        Assert.Equal((file, line), (error.File, error.Line));
    }

    [Theory]
    [InlineData("3.11.4", "3.11")]
    [InlineData("3.12", "3.12")]
    [InlineData("cpython-3.10.2", "3.10")]
    [InlineData("3.13t", "3.13")]
    public void Returns_major_and_minor_only(string pinned, string expected) =>
        Assert.Equal(expected, Resolve(new() { [".python-version"] = pinned + "\n" }).Version);
}
