using Berth;
using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class LockReaderTests
{
    private static string Describe(IEnumerable<LockedPackage> packages) =>
        string.Join(" | ", packages.Select(p => $"{p.Name} {p.Version} {string.Join(',', p.Groups)}{(p.Marker is null ? "" : " ; " + p.Marker)}"));

    [Fact]
    public void Poetry_1_lock_uses_category()
    {
        var packages = PoetryLockReader.Read(TomlDocument.Parse("poetry.lock", """
            [[package]]
            name = "FastAPI"
            version = "0.110.0"
            description = "FastAPI framework"
            category = "main"
            optional = false
            python-versions = ">=3.8"

            [[package]]
            name = "pytest"
            version = "8.0.0"
            category = "dev"
            optional = false
            python-versions = ">=3.8"

            [[package]]
            name = "colorama"
            version = "0.4.6"
            category = "dev"
            markers = "sys_platform == \"win32\""

            [metadata]
            lock-version = "1.1"
            """));

        Assert.Equal("fastapi 0.110.0 main | pytest 8.0.0 dev | colorama 0.4.6 dev ; sys_platform == \"win32\"", Describe(packages));
    }

    [Fact]
    public void Poetry_2_lock_uses_groups_and_per_group_markers()
    {
        var packages = PoetryLockReader.Read(TomlDocument.Parse("poetry.lock", """
            [[package]]
            name = "anyio"
            version = "4.3.0"
            optional = false
            python-versions = ">=3.8"
            groups = ["main", "dev"]

            [[package]]
            name = "colorama"
            version = "0.4.6"
            groups = ["dev"]
            markers = {dev = "sys_platform == \"win32\""}

            [[package]]
            name = "uvloop"
            version = "0.19.0"
            groups = ["main"]
            markers = "sys_platform != \"win32\""

            [metadata]
            lock-version = "2.1"
            """));

        Assert.Equal(
            "anyio 4.3.0 main,dev | colorama 0.4.6 dev ; sys_platform == \"win32\" | uvloop 0.19.0 main ; sys_platform != \"win32\"",
            Describe(packages));
    }

    [Fact]
    public void Pdm_lock_reports_default_as_main()
    {
        var packages = PdmLockReader.Read(TomlDocument.Parse("pdm.lock", """
            [metadata]
            groups = ["default", "test"]

            [[package]]
            name = "flask"
            version = "3.0.2"
            groups = ["default"]

            [[package]]
            name = "pytest"
            version = "8.0.0"
            groups = ["test"]
            marker = "python_version >= \"3.8\""
            """));

        Assert.Equal("flask 3.0.2 main | pytest 8.0.0 test ; python_version >= \"3.8\"", Describe(packages));
    }

    [Fact]
    public void Uv_lock_skips_the_project_and_marks_dev_only_packages()
    {
        var uvLock = UvLockReader.Read(TomlDocument.Parse("uv.lock", """
            version = 1

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [{ name = "httpx", extra = ["http2"] }]

            [package.optional-dependencies]
            redis = [{ name = "redis" }]

            [package.dev-dependencies]
            dev = [{ name = "pytest" }, { name = "httpx" }]
            lint = [{ name = "ruff" }]

            [[package]]
            name = "httpx"
            version = "0.27.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "anyio" }]

            [package.optional-dependencies]
            http2 = [{ name = "h2" }]

            [[package]]
            name = "anyio"
            version = "4.3.0"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "h2"
            version = "4.1.0"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "pytest"
            version = "8.0.0"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "redis"
            version = "5.0.0"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "ruff"
            version = "0.4.0"
            source = { registry = "https://pypi.org/simple" }
            """), "app");

        Assert.Equal(
            "httpx 0.27.0 main,dev | anyio 4.3.0 main,dev | h2 4.1.0 main | pytest 8.0.0 dev | redis 5.0.0 redis | ruff 0.4.0 lint",
            Describe(uvLock.Packages));
        Assert.Equal([new UvLocalProject("app", ".")], uvLock.LocalProjects);
    }

    [Fact]
    public void Uv_lock_without_a_known_root_walks_from_every_local_project() =>
        Assert.Equal(
            "six 1.16.0 main",
            Describe(UvLockReader.Read(TomlDocument.Parse("uv.lock", """
                [[package]]
                name = "a"
                version = "0"
                source = { editable = "." }
                dependencies = [{ name = "six" }]

                [[package]]
                name = "six"
                version = "1.16.0"
                source = { registry = "https://pypi.org/simple" }
                """), null).Packages));

    [Fact]
    public void Invalid_json_in_pipfile_lock_is_an_input_error_with_line()
    {
        var error = Assert.Throws<InputException>(() => PipfileLockReader.Parse("Pipfile.lock", "{\n  \"default\": {\n    \"x\": \n}\n"));
        Assert.Equal("Pipfile.lock", error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Locked_packages_reach_the_manifests_through_the_reader()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[tool.poetry]\nname = \"svc\"\n[tool.poetry.dependencies]\npython = \"^3.11\"\nflask = \"^3.0\"\n",
            ["poetry.lock"] = "[[package]]\nname = \"flask\"\nversion = \"3.0.2\"\ngroups = [\"main\"]\n",
        });

        var manifests = PythonManifestReader.Read(tree.Root, ".")!;
        Assert.Equal("flask 3.0.2 main", Describe(manifests.LockedPackages));
    }
}
