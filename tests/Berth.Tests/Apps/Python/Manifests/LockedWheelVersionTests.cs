using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python.Manifests;

/// <summary>The Python a range leaves open is checked against the lock's wheels: a compiled package without a wheel for it moves the choice.</summary>
public sealed class LockedWheelVersionTests
{
    private static string Lock(string requires, params (string Name, string Version, string[] Wheels)[] packages) =>
        $"version = 1\nrequires-python = \"{requires}\"\n\n[[package]]\nname = \"api\"\nversion = \"0.1.0\"\nsource = {{ virtual = \".\" }}\ndependencies = [\n" +
        string.Concat(packages.Select(p => $"    {{ name = \"{p.Name}\" }},\n")) + "]\n" +
        string.Concat(packages.Select(p =>
            $"\n[[package]]\nname = \"{p.Name}\"\nversion = \"{p.Version}\"\nsource = {{ registry = \"https://pypi.org/simple\" }}\n" +
            $"sdist = {{ url = \"https://files.example/{p.Name}-{p.Version}.tar.gz\", hash = \"sha256:aa\", size = 1 }}\nwheels = [\n" +
            string.Concat(p.Wheels.Select(w => $"    {{ url = \"https://files.example/{w}\", hash = \"sha256:bb\", size = 1 }},\n")) + "]\n"));

    private static ServiceProfile Scan(string requires, string? pythonVersionFile, params (string Name, string Version, string[] Wheels)[] packages)
    {
        var files = new Dictionary<string, string>
        {
            ["pyproject.toml"] = $"[project]\nname = \"api\"\nversion = \"0.1.0\"\nrequires-python = \"{requires}\"\ndependencies = [{string.Join(", ", packages.Select(p => $"\"{p.Name}\""))}]\n",
            ["uv.lock"] = Lock(requires, packages),
            ["app/__init__.py"] = "",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        };
        if (pythonVersionFile is not null)
            files[".python-version"] = pythonVersionFile;
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private static readonly (string, string, string[]) Fastapi = ("fastapi", "0.115.0", ["fastapi-0.115.0-py3-none-any.whl"]);

    private static readonly (string, string, string[]) OldNumpy = ("numpy", "1.21.6",
    [
        "numpy-1.21.6-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-1.21.6-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-1.21.6-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-1.21.6-cp310-cp310-win_amd64.whl",
    ]);

    [Fact]
    public void A_range_moves_to_the_newest_minor_every_compiled_package_has_a_wheel_for()
    {
        var profile = Scan(">=3.8", null, Fastapi, OldNumpy);
        Assert.Equal("3.10", profile.Runtime.Version);
        Assert.Contains(profile.Evidence, e => e.File == "uv.lock" && e.Fact.Contains("none for 3.11 of numpy 1.21.6", StringComparison.Ordinal));
        Assert.DoesNotContain(profile.NativeLibraries, n => n.Dependency == "numpy" && !n.BinaryWheel); // no source build
    }

    [Fact]
    public void Pure_python_locks_and_packages_with_wheels_for_the_default_keep_it()
    {
        var profile = Scan(">=3.8", null, Fastapi, ("pydantic-core", "2.23.4",
            ["pydantic_core-2.23.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "pydantic_core-2.23.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"]));
        Assert.Equal("3.11", profile.Runtime.Version);
    }

    [Fact]
    public void A_stated_minor_is_kept_and_the_source_builds_are_named()
    {
        var profile = Scan(">=3.8", "3.11\n", Fastapi, OldNumpy);
        Assert.Equal("3.11", profile.Runtime.Version);
        Assert.Contains(profile.Notes, n => n.Contains("no wheel for Python 3.11 (from .python-version) of numpy 1.21.6", StringComparison.Ordinal));
        Assert.Contains(profile.NativeLibraries, n => n.Dependency == "numpy" && !n.BinaryWheel);
    }

    [Fact]
    public void When_no_allowed_minor_has_all_wheels_the_choice_stays_and_says_so()
    {
        var profile = Scan(">=3.11", null, Fastapi, OldNumpy);
        Assert.Equal("3.11", profile.Runtime.Version);
        Assert.Contains(profile.Notes, n => n.Contains("no other Python '>=3.11' allows has wheels of all of them", StringComparison.Ordinal));
    }
}
