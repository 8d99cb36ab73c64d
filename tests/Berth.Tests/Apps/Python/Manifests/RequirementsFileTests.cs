using Berth;
using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class RequirementsFileTests
{
    private static PythonManifests Read(Dictionary<string, string> files, string service = ".")
    {
        using var tree = new TempTree(files);
        return PythonManifestReader.Read(tree.Root, service)!;
    }

    [Fact]
    public void Parses_the_awkward_lines_pip_accepts()
    {
        var manifests = Read(new()
        {
            ["requirements.txt"] = """
                # a comment
                --index-url https://pypi.example.com/simple
                --extra-index-url=https://other.example.com/simple
                --find-links ./wheels
                -i https://mirror/simple

                uvicorn[standard]>=0.20  # inline comment
                fastapi==0.110.0 \
                    --hash=sha256:aaaa \
                    --hash=sha256:bbbb
                pywin32>=300; sys_platform == "win32"
                -e .
                ./libs/local-package
                -e git+https://github.com/org/repo.git@v1.2#egg=Private_Lib
                git+https://github.com/org/other.git#egg=other-lib
                mypkg @ https://example.com/mypkg-1.0-py3-none-any.whl
                https://files.example.com/packages/Some_Wheel-2.0-py3-none-any.whl
                requests
                """,
            ["libs/local-package/setup.py"] = "from setuptools import setup\nsetup(name='local-package')\n",
        });

        Assert.Equal(PythonPackageManager.Pip, manifests.PackageManager);
        Assert.Equal(
            ["uvicorn", "fastapi", "pywin32", "private-lib", "other-lib", "mypkg", "some-wheel", "requests"],
            manifests.Dependencies.Select(d => d.Name));
        var uvicorn = manifests.Dependencies[0];
        Assert.Equal(["standard"], uvicorn.Extras);
        Assert.Equal(">=0.20", uvicorn.Specifier);
        Assert.Equal(7, uvicorn.Line);
        var fastapi = manifests.Dependencies[1];
        Assert.Equal("==0.110.0", fastapi.Specifier);
        Assert.Equal(8, fastapi.Line);
        Assert.Equal("sys_platform == \"win32\"", manifests.Dependencies[2].Marker);
        Assert.Equal(11, manifests.Dependencies[2].Line);
        Assert.Equal("git+https://github.com/org/repo.git@v1.2#egg=Private_Lib", manifests.Dependencies[3].Url);
        Assert.Equal("https://example.com/mypkg-1.0-py3-none-any.whl", manifests.Dependencies[5].Url);
        Assert.All(manifests.Dependencies, d => Assert.Equal("requirements.txt", d.File));
    }

    [Fact]
    public void Follows_includes_relative_to_the_including_file()
    {
        var manifests = Read(new()
        {
            ["requirements.txt"] = "-r requirements/production.txt\n",
            ["requirements/production.txt"] = "-r base.txt\n-c constraints.txt\ngunicorn\n",
            ["requirements/base.txt"] = "django>=5\n",
            ["requirements/constraints.txt"] = "urllib3<3\n",
            ["requirements/local.txt"] = "-r base.txt\ndjango-debug-toolbar\n",
        });

        Assert.Equal(["requirements.txt"], manifests.ProductionRequirementFiles);
        Assert.Equal(["requirements/local.txt"], manifests.DevelopmentRequirementFiles);
        Assert.Equal(["requirements/production.txt", "requirements/base.txt", "requirements/constraints.txt"], manifests.IncludedRequirementFiles);
        Assert.Equal(["django", "gunicorn"], manifests.Dependencies.Select(d => d.Name).Order());
        Assert.Equal(["django-debug-toolbar"], manifests.DevDependencies.Select(d => d.Name));
        Assert.Equal("requirements/base.txt", manifests.Dependencies.Single(d => d.Name == "django").File);
    }

    [Fact]
    public void A_dev_file_that_includes_requirements_txt_only_counts_as_dev()
    {
        var manifests = Read(new()
        {
            ["requirements.txt"] = "flask\n",
            ["requirements-dev.txt"] = "-r requirements.txt\npytest\n",
            ["requirements_test.txt"] = "--requirement=requirements.txt\ncoverage\n",
        });

        Assert.Equal(["requirements.txt"], manifests.ProductionRequirementFiles);
        Assert.Equal(["requirements-dev.txt", "requirements_test.txt"], manifests.DevelopmentRequirementFiles);
        Assert.Equal(["flask"], manifests.Dependencies.Select(d => d.Name));
        Assert.Equal(["pytest", "coverage"], manifests.DevDependencies.Select(d => d.Name));
        Assert.Empty(manifests.IncludedRequirementFiles);
    }

    [Theory]
    [InlineData("requirements.txt", "Production")]
    [InlineData("requirements/prod.txt", "Production")]
    [InlineData("requirements/base.txt", "Production")]
    [InlineData("requirements-production.txt", "Production")]
    [InlineData("requirements_main.txt", "Production")]
    [InlineData("requirements-dev.txt", "Development")]
    [InlineData("requirements/tests.txt", "Development")]
    [InlineData("requirements_lint.txt", "Development")]
    [InlineData("requirements/ci.txt", "Development")]
    [InlineData("requirements-docs.txt", "Development")]
    [InlineData("requirements/local.txt", "Development")]
    [InlineData("requirements-debug.txt", "Development")]
    [InlineData("dev-requirements.txt", "Development")]
    [InlineData("requirements-gpu.txt", "Unknown")]
    public void Classifies_files_by_name(string path, string role) =>
        Assert.Equal(role, RequirementsFileRoles.Classify(path).Role.ToString());

    [Fact]
    public void Without_requirements_txt_the_production_files_are_the_tops_of_the_prod_named_files()
    {
        var manifests = Read(new()
        {
            ["api/requirements/base.txt"] = "fastapi\n",
            ["api/requirements/prod.txt"] = "-r base.txt\nuvicorn\n",
            ["api/requirements/dev.txt"] = "-r prod.txt\npytest\n",
            ["api/main.py"] = "",
        }, "api");

        Assert.Equal("api", manifests.ProjectRoot);
        Assert.Equal(["api/requirements/prod.txt"], manifests.ProductionRequirementFiles);
        Assert.Equal(["api/requirements/dev.txt"], manifests.DevelopmentRequirementFiles);
        Assert.Equal(["fastapi", "uvicorn"], manifests.Dependencies.Select(d => d.Name).Order());
        Assert.Equal(["pytest"], manifests.DevDependencies.Select(d => d.Name));
    }

    [Fact]
    public void A_missing_include_is_an_input_error_at_the_including_line()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["svc/requirements.txt"] = "flask\n\n-r common/missing.txt\n",
        });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "svc"));
        Assert.Equal("svc/requirements.txt", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("common/missing.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_cycle_is_an_input_error()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "-r requirements/a.txt\n",
            ["requirements/a.txt"] = "flask\n-r b.txt\n",
            ["requirements/b.txt"] = "# back again\n-r a.txt\n",
        });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "."));
        Assert.Equal("requirements/b.txt", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("requirements/a.txt -> requirements/b.txt -> requirements/a.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_outside_the_scan_root_is_an_input_error()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["requirements.txt"] = "-r ../../etc/passwd\n" });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "."));
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void An_invalid_requirement_line_is_an_input_error()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["requirements.txt"] = "flask\nfastapi >> 1\n" });

        var error = Assert.Throws<InputException>(() => PythonManifestReader.Read(tree.Root, "."));
        Assert.Equal(("requirements.txt", 2), (error.File, error.Line));
    }

    [Fact]
    public void Includes_from_a_parent_folder_widen_the_project_root()
    {
        var manifests = Read(new()
        {
            ["services/api/requirements.txt"] = "-r ../../shared/requirements-base.txt\nfastapi\n",
            ["shared/requirements-base.txt"] = "pydantic\n",
        }, "services/api");

        Assert.Equal(".", manifests.ProjectRoot);
        Assert.Equal(["shared/requirements-base.txt"], manifests.IncludedRequirementFiles);
        Assert.Equal(["fastapi", "pydantic"], manifests.Dependencies.Select(d => d.Name));
    }
}
