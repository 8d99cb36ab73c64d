using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class PackageManagerDetectionTests
{
    private const string Pep621 = """
        [project]
        name = "svc"
        requires-python = ">=3.11"
        dependencies = ["fastapi>=0.110", "uvicorn[standard]"]
        """;

    private static PythonManifests? Read(Dictionary<string, string> files, string service = ".")
    {
        using var tree = new TempTree(files);
        return PythonManifestReader.Read(tree.Root, service);
    }

    [Fact]
    public void No_manifest_anywhere_is_null() =>
        Assert.Null(Read(new() { ["app/main.py"] = "print('hi')\n", ["README.md"] = "" }, "app"));

    [Fact]
    public void Requirements_txt_beats_every_lock()
    {
        var manifests = Read(new()
        {
            ["requirements.txt"] = "flask\n",
            ["pyproject.toml"] = Pep621,
            ["uv.lock"] = "version = 1\n",
            ["poetry.lock"] = "",
            ["Pipfile"] = "[packages]\n",
        })!;

        Assert.Equal(PythonPackageManager.Pip, manifests.PackageManager);
        Assert.Equal("requirements.txt", manifests.ManifestFile);
        Assert.Null(manifests.LockFile);
        Assert.Equal(["flask"], manifests.Dependencies.Select(d => d.Name));
        Assert.Equal("svc", manifests.ProjectName);
        Assert.Equal(">=3.11", manifests.RequiresPython);
        Assert.Contains(manifests.Evidence, e => e.Fact.StartsWith("package manager pip", StringComparison.Ordinal) && e.File == "requirements.txt");
    }

    [Theory]
    [InlineData("uv.lock", PythonPackageManager.Uv)]
    [InlineData("poetry.lock", PythonPackageManager.Poetry)]
    [InlineData("pdm.lock", PythonPackageManager.Pdm)]
    public void A_lock_next_to_pyproject_picks_its_manager(string lockFile, PythonPackageManager expected)
    {
        var manifests = Read(new() { ["pyproject.toml"] = Pep621, [lockFile] = "" })!;

        Assert.Equal(expected, manifests.PackageManager);
        Assert.Equal(lockFile, manifests.LockFile);
        Assert.Equal("pyproject.toml", manifests.ManifestFile);
        Assert.Equal(["fastapi", "uvicorn"], manifests.Dependencies.Select(d => d.Name));
        Assert.Equal(4, manifests.Dependencies[0].Line);
    }

    [Fact]
    public void Lock_precedence_is_uv_then_poetry_then_pdm()
    {
        Assert.Equal(PythonPackageManager.Uv, Read(new() { ["pyproject.toml"] = Pep621, ["uv.lock"] = "", ["poetry.lock"] = "", ["pdm.lock"] = "" })!.PackageManager);
        Assert.Equal(PythonPackageManager.Poetry, Read(new() { ["pyproject.toml"] = Pep621, ["poetry.lock"] = "", ["pdm.lock"] = "" })!.PackageManager);
    }

    [Fact]
    public void Locks_beat_pipfile_and_pipfile_beats_a_bare_pyproject()
    {
        Assert.Equal(PythonPackageManager.Pdm, Read(new() { ["pyproject.toml"] = Pep621, ["pdm.lock"] = "", ["Pipfile"] = "[packages]\n" })!.PackageManager);
        var pipenv = Read(new() { ["pyproject.toml"] = Pep621, ["Pipfile"] = "[packages]\nflask = \"*\"\n" })!;
        Assert.Equal(PythonPackageManager.Pipenv, pipenv.PackageManager);
        Assert.Equal(["flask"], pipenv.Dependencies.Select(d => d.Name));
    }

    [Theory]
    [InlineData("[tool.poetry]\nname = \"x\"\n", PythonPackageManager.Poetry)]
    [InlineData("[project]\nname = \"x\"\n[tool.pdm]\ndistribution = false\n", PythonPackageManager.Pdm)]
    [InlineData("[project]\nname = \"x\"\n[tool.uv]\npackage = false\n", PythonPackageManager.Uv)]
    [InlineData("[project]\nname = \"x\"\n", PythonPackageManager.Pip)]
    public void A_pyproject_without_lock_is_judged_by_its_tool_sections(string pyproject, PythonPackageManager expected)
    {
        var manifests = Read(new() { ["pyproject.toml"] = pyproject })!;

        Assert.Equal(expected, manifests.PackageManager);
        Assert.Null(manifests.LockFile);
        Assert.Equal("pyproject.toml", manifests.ManifestFile);
    }

    [Fact]
    public void Pipenv_reads_pipfile_and_its_lock()
    {
        var manifests = Read(new()
        {
            ["Pipfile"] = """
                [[source]]
                url = "https://pypi.org/simple"

                [packages]
                Django = "==5.0.*"
                psycopg = {version = ">=3.1", extras = ["binary"]}
                requests = "*"

                [dev-packages]
                pytest = "*"

                [requires]
                python_version = "3.12"
                """,
            ["Pipfile.lock"] = """
                {
                  "_meta": {"requires": {"python_version": "3.12"}},
                  "default": {
                    "django": {"version": "==5.0.3", "markers": "python_version >= '3.10'"},
                    "requests": {"version": "==2.31.0"}
                  },
                  "develop": {
                    "pytest": {"version": "==8.0.0"},
                    "requests": {"version": "==2.31.0"}
                  }
                }
                """,
        })!;

        Assert.Equal(PythonPackageManager.Pipenv, manifests.PackageManager);
        Assert.Equal("Pipfile", manifests.ManifestFile);
        Assert.Equal("Pipfile.lock", manifests.LockFile);
        Assert.Equal(["django", "psycopg", "requests"], manifests.Dependencies.Select(d => d.Name));
        Assert.Equal("==5.0.*", manifests.Dependencies[0].Specifier);
        Assert.Equal(5, manifests.Dependencies[0].Line);
        Assert.Equal(["binary"], manifests.Dependencies[1].Extras);
        Assert.Null(manifests.Dependencies[2].Specifier);
        Assert.Equal(["pytest"], manifests.DevDependencies.Select(d => d.Name));
        Assert.Equal(
            [("django", "5.0.3", "main"), ("requests", "2.31.0", "main,dev"), ("pytest", "8.0.0", "dev")],
            manifests.LockedPackages.Select(p => (p.Name, p.Version, string.Join(',', p.Groups))));
        Assert.Equal("python_version >= '3.10'", manifests.LockedPackages[0].Marker);
    }

    [Fact]
    public void A_tool_config_pyproject_does_not_hide_a_requirements_folder()
    {
        var manifests = Read(new()
        {
            ["pyproject.toml"] = "[tool.ruff]\nline-length = 100\n",
            ["requirements/base.txt"] = "django\n",
            ["requirements/production.txt"] = "-r base.txt\ngunicorn\n",
            ["requirements/local.txt"] = "-r base.txt\npytest\n",
        })!;

        Assert.Equal(PythonPackageManager.Pip, manifests.PackageManager);
        Assert.Equal(["requirements/production.txt"], manifests.ProductionRequirementFiles);
        Assert.Equal(["requirements/local.txt"], manifests.DevelopmentRequirementFiles);
        Assert.Equal(["requirements/base.txt"], manifests.IncludedRequirementFiles);
    }

    [Fact]
    public void A_service_folder_outside_the_scan_root_is_an_input_error()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["requirements.txt"] = "" });
        Assert.Throws<Berth.InputException>(() => PythonManifestReader.Read(tree.Root, "../elsewhere"));
    }

    [Fact]
    public void Setup_py_alone_is_pip_install_dot() =>
        Assert.Equal(("setup.py", PythonPackageManager.Pip), Read(new() { ["setup.py"] = "from setuptools import setup\n" }) is { } m ? (m.ManifestFile, m.PackageManager) : default);

    [Fact]
    public void A_service_without_manifests_uses_the_nearest_ancestor()
    {
        var manifests = Read(new() { ["pyproject.toml"] = Pep621, ["poetry.lock"] = "", ["backend/app/main.py"] = "" }, "backend/app")!;

        Assert.Equal(".", manifests.ProjectRoot);
        Assert.Equal("poetry.lock", manifests.LockFile);
    }

    [Fact]
    public void The_service_folder_wins_over_the_root()
    {
        var manifests = Read(new()
        {
            ["requirements.txt"] = "django\n",
            ["backend/requirements.txt"] = "fastapi\n",
        }, "backend")!;

        Assert.Equal("backend", manifests.ProjectRoot);
        Assert.Equal(["backend/requirements.txt"], manifests.ProductionRequirementFiles);
        Assert.Equal(["fastapi"], manifests.Dependencies.Select(d => d.Name));
    }

    [Fact]
    public void A_uv_workspace_member_uses_the_root_lock()
    {
        var manifests = Read(new()
        {
            ["pyproject.toml"] = """
                [project]
                name = "monorepo"
                version = "0"
                requires-python = ">=3.12"

                [tool.uv.workspace]
                members = ["services/*", "libs/*"]
                exclude = ["services/legacy"]
                """,
            ["uv.lock"] = """
                version = 1
                requires-python = ">=3.12"

                [manifest]
                members = ["api", "common", "monorepo"]

                [[package]]
                name = "api"
                version = "0.1.0"
                source = { editable = "services/api" }
                dependencies = [
                    { name = "common" },
                    { name = "fastapi" },
                ]

                [package.dev-dependencies]
                dev = [{ name = "pytest" }]

                [[package]]
                name = "common"
                version = "0.1.0"
                source = { editable = "libs/common" }
                dependencies = [{ name = "pydantic" }]

                [[package]]
                name = "fastapi"
                version = "0.115.0"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [{ name = "pydantic" }, { name = "starlette" }]

                [[package]]
                name = "monorepo"
                version = "0"
                source = { virtual = "." }

                [[package]]
                name = "pydantic"
                version = "2.9.0"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "pytest"
                version = "8.3.0"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [{ name = "pluggy" }]

                [[package]]
                name = "pluggy"
                version = "1.5.0"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "starlette"
                version = "0.38.0"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "boto3"
                version = "1.35.0"
                source = { registry = "https://pypi.org/simple" }
                """,
            ["services/api/pyproject.toml"] = """
                [project]
                name = "api"
                version = "0.1.0"
                dependencies = ["fastapi", "common"]

                [dependency-groups]
                dev = ["pytest"]

                [tool.uv.sources]
                common = { workspace = true }
                """,
            ["services/api/src/api/__init__.py"] = "",
            ["libs/common/pyproject.toml"] = "[project]\nname = \"common\"\n",
        }, "services/api")!;

        Assert.Equal(PythonPackageManager.Uv, manifests.PackageManager);
        Assert.Equal("uv.lock", manifests.LockFile);
        Assert.Equal("services/api/pyproject.toml", manifests.ManifestFile);
        Assert.Equal(".", manifests.WorkspaceRoot);
        Assert.Equal(".", manifests.ProjectRoot);
        Assert.Equal("api", manifests.ProjectName);
        Assert.Equal(["fastapi", "common"], manifests.Dependencies.Select(d => d.Name));
        Assert.Equal(["pytest"], manifests.DevDependencies.Select(d => d.Name));
        Assert.Equal(
            ["fastapi:main", "pydantic:main", "pytest:dev", "pluggy:dev", "starlette:main"],
            manifests.LockedPackages.Select(p => $"{p.Name}:{string.Join(',', p.Groups)}"));
        Assert.Equal([new PackageRoot("services/api/src", "api", "services/api/src/api/__init__.py", 0)], manifests.PackageRoots);
        Assert.Contains(manifests.Evidence, e => e.File == "pyproject.toml" && e.Line == 7 && e.Fact.Contains("services/*", StringComparison.Ordinal));
    }

    [Fact]
    public void An_excluded_folder_is_not_a_workspace_member()
    {
        var manifests = Read(new()
        {
            ["pyproject.toml"] = "[tool.uv.workspace]\nmembers = [\"services/*\"]\nexclude = [\"services/legacy\"]\n",
            ["uv.lock"] = "version = 1\n",
            ["services/legacy/pyproject.toml"] = "[project]\nname = \"legacy\"\n",
        }, "services/legacy")!;

        Assert.Equal(PythonPackageManager.Pip, manifests.PackageManager);
        Assert.Null(manifests.WorkspaceRoot);
        Assert.Equal("services/legacy", manifests.ProjectRoot);
    }

    [Fact]
    public void A_member_listed_only_in_the_root_uv_lock_still_uses_it()
    {
        var manifests = Read(new()
        {
            ["uv.lock"] = "version = 1\n[[package]]\nname = \"api\"\nversion = \"0\"\nsource = { editable = \"apps/api\" }\ndependencies = [{ name = \"flask\" }]\n[[package]]\nname = \"flask\"\nversion = \"3.0.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n",
            ["apps/api/pyproject.toml"] = "[project]\nname = \"api\"\ndependencies = [\"flask\"]\n",
        }, "apps/api")!;

        Assert.Equal(PythonPackageManager.Uv, manifests.PackageManager);
        Assert.Equal("uv.lock", manifests.LockFile);
        Assert.Equal(".", manifests.WorkspaceRoot);
        Assert.Equal(["flask 3.0.0 main"], manifests.LockedPackages.Select(p => $"{p.Name} {p.Version} {string.Join(',', p.Groups)}"));
    }

    [Fact]
    public void The_workspace_root_itself_reports_its_workspace()
    {
        var manifests = Read(new()
        {
            ["pyproject.toml"] = "[project]\nname = \"root\"\n[tool.uv.workspace]\nmembers = [\"packages/*\"]\n",
            ["uv.lock"] = "version = 1\n",
        })!;

        Assert.Equal(".", manifests.WorkspaceRoot);
        Assert.Equal(PythonPackageManager.Uv, manifests.PackageManager);
    }

    [Fact]
    public void Evidence_names_the_decisions_with_lines()
    {
        var manifests = Read(new() { ["pyproject.toml"] = "[project]\nname = \"x\"\n\n[tool.poetry]\npackage-mode = false\n" })!;

        Assert.Contains(manifests.Evidence, e => e.Fact.Contains("package manager poetry", StringComparison.Ordinal) && e.Line == 4);
        Assert.Contains(manifests.Evidence, e => e.Fact == "project name 'x'" && e.Line == 2);
    }
}
