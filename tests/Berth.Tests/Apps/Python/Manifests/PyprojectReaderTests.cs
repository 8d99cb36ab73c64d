using Berth;
using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class PyprojectReaderTests
{
    private static Pyproject Parse(string text, string path = "pyproject.toml") => PyprojectReader.Read(TomlDocument.Parse(path, text));

    [Fact]
    public void Reads_pep_621_with_real_lines()
    {
        var pyproject = Parse("""
            [build-system]
            requires = ["hatchling"]

            [project]
            name = "shop-api"
            requires-python = ">=3.10,<3.13"
            dependencies = [
                "fastapi>=0.110",
                # a comment between items
                'sqlalchemy[asyncio]~=2.0',
                "pywin32; sys_platform == 'win32'",
            ]

            [project.optional-dependencies]
            redis = ["redis>=5"]
            test = ["pytest", "httpx"]

            [project.scripts]
            shop = "shop_api.cli:main"

            [dependency-groups]
            dev = ["ruff", {include-group = "typing"}]
            typing = ["mypy"]
            """);

        Assert.Equal(("shop-api", 5), (pyproject.ProjectName, pyproject.ProjectNameLine));
        Assert.Equal((">=3.10,<3.13", 6), (pyproject.RequiresPython, pyproject.RequiresPythonLine));
        Assert.Equal(
            [("fastapi", 8), ("sqlalchemy", 10), ("pywin32", 11)],
            pyproject.Dependencies.Select(d => (d.Name, d.Line)));
        Assert.Equal(["asyncio"], pyproject.Dependencies[1].Extras);
        Assert.Equal(["ruff", "mypy", "pytest", "httpx"], pyproject.DevDependencies.Select(d => d.Name));
        Assert.DoesNotContain(pyproject.DevDependencies, d => d.Name == "redis");
        Assert.Equal("shop_api.cli:main", pyproject.Scripts["shop"]);
    }

    [Fact]
    public void Reads_poetry_dependencies_groups_and_legacy_dev_dependencies()
    {
        var pyproject = Parse("""
            [tool.poetry]
            name = "legacy"
            packages = [{ include = "legacy_app", from = "src" }]

            [tool.poetry.scripts]
            serve = "legacy_app.main:run"

            [tool.poetry.dependencies]
            python = "^3.10"
            Django = "^5.0"
            psycopg = { version = "^3.1", extras = ["binary"] }
            celery = { version = "*", optional = true }
            private = { git = "https://github.com/org/private.git", tag = "v1" }
            uvloop = [
                { version = "^0.19", markers = "sys_platform != 'win32'" },
            ]

            [tool.poetry.dev-dependencies]
            black = "^24"

            [tool.poetry.group.test.dependencies]
            pytest = "^8"

            [tool.poetry.group.main.dependencies]
            never-dev = "*"
            """);

        Assert.True(pyproject.HasPoetry);
        Assert.Equal(("^3.10", 9), (pyproject.PoetryPython, pyproject.PoetryPythonLine));
        Assert.Equal(["django", "psycopg", "private", "uvloop"], pyproject.Dependencies.Select(d => d.Name));
        Assert.Equal(("^5.0", 10), (pyproject.Dependencies[0].Specifier, pyproject.Dependencies[0].Line));
        Assert.Equal(["binary"], pyproject.Dependencies[1].Extras);
        Assert.Equal("git+https://github.com/org/private.git@v1", pyproject.Dependencies[2].Url);
        Assert.Equal("sys_platform != 'win32'", pyproject.Dependencies[3].Marker);
        Assert.Equal(["black", "pytest"], pyproject.DevDependencies.Select(d => d.Name));
        Assert.Equal("legacy", pyproject.ProjectName);
        Assert.Equal("legacy_app.main:run", pyproject.Scripts["serve"]);
        Assert.Equal([new PackageRoot("src", "legacy_app", "pyproject.toml", 3)], pyproject.PackageRoots);
    }

    [Fact]
    public void Poetry_2_prefers_project_dependencies_and_adds_poetry_only_ones()
    {
        var pyproject = Parse("""
            [project]
            name = "p2"
            dependencies = ["requests>=2"]

            [tool.poetry.dependencies]
            requests = { source = "internal" }
            extra-one = "^1"
            """);

        Assert.Equal(["requests", "extra-one"], pyproject.Dependencies.Select(d => d.Name));
        Assert.Equal(">=2", pyproject.Dependencies[0].Specifier);
    }

    [Fact]
    public void Reads_pdm_and_uv_dev_dependencies()
    {
        var pyproject = Parse("""
            [project]
            name = "x"

            [tool.pdm.dev-dependencies]
            lint = ["flake8"]

            [tool.uv]
            dev-dependencies = ["pytest>=8"]
            """);

        Assert.True(pyproject.HasPdm);
        Assert.True(pyproject.HasUv);
        Assert.Equal(["flake8", "pytest"], pyproject.DevDependencies.Select(d => d.Name));
    }

    [Theory]
    [InlineData("[tool.setuptools]\npackage-dir = {\"\" = \"src\"}\n", "src", null, 2)]
    [InlineData("[tool.setuptools.packages.find]\nwhere = [\"src\"]\n", "src", null, 2)]
    [InlineData("[tool.setuptools]\npackages = [\"app\", \"app.sub\"]\n", "svc", "app", 2)]
    [InlineData("[tool.hatch.build.targets.wheel]\npackages = [\"src/shop\"]\n", "svc/src", "shop", 2)]
    [InlineData("[tool.pdm.build]\npackage-dir = \"lib\"\n", "svc/lib", null, 2)]
    public void Reads_package_roots_from_build_settings(string toml, string directory, string? package, int line)
    {
        var expectedDirectory = directory == "src" ? "svc/src" : directory;
        Assert.Equal([new PackageRoot(expectedDirectory, package, "svc/pyproject.toml", line)], Parse(toml, "svc/pyproject.toml").PackageRoots);
    }

    [Fact]
    public void Detects_a_src_layout_by_shape_when_the_config_is_silent()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["svc/pyproject.toml"] = "[project]\nname = \"svc\"\n",
            ["svc/src/zeta/__init__.py"] = "",
            ["svc/src/alpha/__init__.py"] = "",
            ["svc/src/not_a_package/readme.txt"] = "",
        });

        var manifests = PythonManifestReader.Read(tree.Root, "svc")!;
        Assert.Equal(
            [new PackageRoot("svc/src", "alpha", "svc/src/alpha/__init__.py", 0), new PackageRoot("svc/src", "zeta", "svc/src/zeta/__init__.py", 0)],
            manifests.PackageRoots);
    }

    [Fact]
    public void Configured_roots_win_over_the_shape()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[project]\nname = \"x\"\n\n[tool.setuptools.packages.find]\nwhere = [\"lib\"]\n",
            ["src/other/__init__.py"] = "",
        });

        Assert.Equal([new PackageRoot("lib", null, "pyproject.toml", 5)], PythonManifestReader.Read(tree.Root, ".")!.PackageRoots);
    }

    [Fact]
    public void Invalid_toml_is_an_input_error_at_its_line()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["api/pyproject.toml"] = "[project]\nname = \"x\"\ndependencies = [\n  \"a\"\n  \"b\",\n]\n",
        });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "api"));
        Assert.Equal("api/pyproject.toml", error.File);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("invalid TOML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_dependency_string_is_an_input_error_at_its_line()
    {
        var error = Assert.Throws<InputException>(() => Parse("[project]\nname = \"x\"\ndependencies = [\n  \"ok\",\n  \"bad >> 1\",\n]\n"));
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Reads_the_uv_workspace_declaration()
    {
        var workspace = Parse("[tool.uv.workspace]\nmembers = [\"packages/*\", \"apps/api\"]\nexclude = [\"packages/old\"]\n").Workspace!;

        Assert.Equal(2, workspace.Line);
        Assert.True(workspace.Declares("packages/core"));
        Assert.True(workspace.Declares("apps/api"));
        Assert.False(workspace.Declares("packages/old"));
        Assert.False(workspace.Declares("packages/core/nested"));
        Assert.False(workspace.Declares("apps/web"));
    }
}
