using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>
/// A repository whose root requirements file and Dockerfile install the app's dependencies and, beside them, a package kept in a
/// sub-folder (<c>COPY src/ /src/</c>, <c>pip install -e /src</c>): the root is the service, the sub-folder a local package of it.
/// </summary>
public sealed class LocalPackageServiceTests
{
    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    [Fact]
    public void The_root_is_the_service_and_the_sub_package_is_installed_from_its_folder_and_imported_from_it()
    {
        var shelf = Assert.Single(PythonServiceDetector.Scan(RepoPaths.Fixture("root-reqs-subpackage")).Services);
        Assert.Equal(".", shelf.Path);
        Assert.Equal(".", shelf.BuildContext);
        Assert.Equal(["requirements.txt"], shelf.PythonPart().RequirementFiles);
        Assert.Contains("flask", shelf.Dependencies);
        var local = Assert.Single(shelf.PythonPart().LocalPackages);
        Assert.Equal(("src", true, "Dockerfile", 8), (local.Path, local.IsFolder, local.File, local.Line));
        Assert.Contains(shelf.PythonPart().InstallInputs, i => i is { Path: "src", IsFolder: true });
        Assert.Equal("src", shelf.PythonPart().ImportRoot);
        Assert.Equal("shelf.entrypoints.flask_app:app", shelf.Entrypoint);
        Assert.Contains(shelf.Evidence, e => e is { File: "Dockerfile", Line: 8 } && e.Fact.Contains("local package 'src' beside requirements.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_python_of_the_dockerfile_and_the_port_of_a_compose_entrypoint_list_are_the_services()
    {
        var shelf = Assert.Single(PythonServiceDetector.Scan(RepoPaths.Fixture("root-reqs-subpackage")).Services);
        Assert.Equal(("3.10", "Dockerfile"), (shelf.Runtime.Version, shelf.Runtime.VersionSource));
        Assert.Equal(8080, shelf.Port);
        Assert.False(shelf.PortIsDefault);
        Assert.Equal("flask run --host=0.0.0.0 --port=8080", shelf.StartCommand);
        Assert.Contains(shelf.Evidence, e => e is { File: "docker-compose.yml", Line: 12 } && e.Fact.StartsWith("port 8080 from the repository's own server command", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_dockerfile_that_installs_both_the_package_folder_stays_the_service()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["src/setup.py"] = "from setuptools import setup\nsetup(name='shelf', packages=['shelf'])\n",
            ["src/shelf/__init__.py"] = "",
            ["src/shelf/app.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["Dockerfile"] = "FROM python:3.11-slim\nCOPY src/ /src/\nRUN pip install -e /src\n",
        });
        Assert.Equal("src", profile.Path);
        Assert.Empty(profile.PythonPart().LocalPackages);
    }

    [Fact]
    public void Relative_installs_after_copying_the_whole_context_and_a_workdir_count_too()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["lib/pyproject.toml"] = "[project]\nname = \"shelf\"\nversion = \"0.1\"\ndependencies = [\"itsdangerous\"]\n",
            ["lib/src/shelf/__init__.py"] = "",
            ["lib/src/shelf/app.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["Dockerfile"] = "FROM python:3.11-slim\nWORKDIR /code\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt && pip install ./lib\n",
        });
        Assert.Equal(".", profile.Path);
        Assert.Equal("lib", Assert.Single(profile.PythonPart().LocalPackages).Path);
        Assert.Equal("lib/src", profile.PythonPart().ImportRoot);
        Assert.Equal("shelf.app:app", profile.Entrypoint);
        Assert.Contains("itsdangerous", profile.Dependencies); // the package's own dependencies are the service's too
    }

    [Fact]
    public void A_compose_command_in_flow_list_form_states_the_port()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
            ["compose.yaml"] = "services:\n  api:\n    build: .\n    command: [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"7001\"]  # the API\n",
        });
        Assert.Equal(7001, profile.Port);
        Assert.Equal("uvicorn app.main:app --host 0.0.0.0 --port 7001", profile.StartCommand);
    }
}
