using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

/// <summary>Every file the install reads is found, with the line that names it; one the build context cannot hold is bad input there.</summary>
public sealed class InstallInputTests
{
    [Fact]
    public void Includes_in_subfolders_resolve_against_the_including_file_and_local_paths_against_the_folder_pip_runs_in()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["svc/requirements.txt"] = "-r reqs/base.txt\n-e ./lib[extra]\nfile:wheels/tool-1.0-py3-none-any.whl\n",
            ["svc/reqs/base.txt"] = "--constraint pins.txt\nflask\n",
            ["svc/reqs/pins.txt"] = "flask<3\n",
            ["svc/lib/pyproject.toml"] = "[project]\nname = \"lib\"\nreadme = {file = \"../README.md\", content-type = \"text/markdown\"}\n",
            ["svc/README.md"] = "# svc\n",
            ["svc/wheels/tool-1.0-py3-none-any.whl"] = "",
        });

        var manifests = PythonManifestReader.Read(tree.Root, "svc")!;

        Assert.Equal(
            [
                new InstallInput("svc/reqs/base.txt", false, "svc/requirements.txt", 1),
                new InstallInput("svc/lib", true, "svc/requirements.txt", 2),
                new InstallInput("svc/wheels/tool-1.0-py3-none-any.whl", false, "svc/requirements.txt", 3),
                new InstallInput("svc/reqs/pins.txt", false, "svc/reqs/base.txt", 1),
            ],
            manifests.InstallInputs.Where(i => i.Path != "svc/README.md"));
        // the package's readme (../README.md) is outside its folder: the build backend reads it, so it is copied too
        Assert.Contains(new InstallInput("svc/README.md", false, "svc/lib/pyproject.toml", 3), manifests.InstallInputs);
    }

    [Fact]
    public void A_local_package_beside_the_service_widens_the_build_context_to_hold_it()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["api/requirements.txt"] = "flask\n-e ../shared\n",
            ["shared/setup.py"] = "from setuptools import setup\nsetup(name='shared')\n",
        });

        var manifests = PythonManifestReader.Read(tree.Root, "api")!;

        Assert.Equal([new InstallInput("shared", true, "api/requirements.txt", 2)], manifests.InstallInputs);
        Assert.Equal(".", manifests.ProjectRoot);
    }

    [Fact]
    public void A_local_path_outside_the_scanned_folder_is_an_input_error_at_its_line()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n\n-e ../../elsewhere\n",
        });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "."));
        Assert.Equal(("requirements.txt", 3), (error.File, error.Line));
        Assert.Contains("outside the scanned folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_file_url_is_an_input_error_at_its_line()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[project]\nname = \"svc\"\ndependencies = [\n  \"flask\",\n  \"tool @ file:///home/dev/tool\",\n]\n",
        });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "."));
        Assert.Equal(("pyproject.toml", 5), (error.File, error.Line));
        Assert.Contains("absolute path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uv_path_source_and_a_poetry_path_dependency_are_read_with_their_lines()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[project]\nname = \"svc\"\ndependencies = [\"tool\"]\n\n[tool.uv.sources]\ntool = { path = \"libs/tool\" }\n\n[tool.poetry.dependencies]\nhelper = { path = \"libs/helper\", develop = true }\n",
            ["libs/tool/pyproject.toml"] = "[project]\nname = \"tool\"\n",
            ["libs/helper/pyproject.toml"] = "[project]\nname = \"helper\"\n",
        });

        var manifests = PythonManifestReader.Read(tree.Root, ".")!;

        Assert.Equal(
            [new InstallInput("libs/tool", true, "pyproject.toml", 6), new InstallInput("libs/helper", true, "pyproject.toml", 9)],
            manifests.InstallInputs);
    }

    [Fact]
    public void A_uv_path_source_outside_the_project_folder_is_an_input_error_naming_the_build_context()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["api/pyproject.toml"] = "[project]\nname = \"api\"\ndependencies = [\"tool\"]\n\n[tool.uv.sources]\ntool = { path = \"../tool\" }\n",
            ["tool/pyproject.toml"] = "[project]\nname = \"tool\"\n",
        });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "api"));
        Assert.Equal(("api/pyproject.toml", 6), (error.File, error.Line));
        Assert.Contains("outside the project folder 'api'", error.Message, StringComparison.Ordinal);
    }
}
