using Berth.Apps;
using Berth.Apps.Python;
using Berth.Generation.Python;

namespace Berth.Tests.Generation;

/// <summary>pip, setuptools and wheel leave the runtime venv unless the project depends on them or its code imports them.</summary>
public sealed class VenvTrimTests
{
    [Fact]
    public void All_three_go_when_nothing_needs_them()
    {
        var (removed, kept) = VenvTrim.Choose(Profile([], []), "pip-requirements");
        Assert.Equal(["pip", "setuptools", "wheel"], removed);
        Assert.Empty(kept);
    }

    [Fact]
    public void Setuptools_stays_when_the_code_imports_pkg_resources_and_wheel_when_it_is_a_dependency()
    {
        var (removed, kept) = VenvTrim.Choose(Profile(["wheel"], [new PackagingImport("pkg_resources", "app/plugins.py", 3)]), "pip-requirements");
        Assert.Equal(["pip"], removed);
        Assert.Equal(["setuptools (the code imports pkg_resources, app/plugins.py:3)", "wheel (a dependency of the project)"], kept);
    }

    [Fact]
    public void A_uv_venv_has_nothing_to_remove() =>
        Assert.Equal((0, 0), (VenvTrim.Choose(Profile([], []), "uv").Removed.Count, VenvTrim.Choose(Profile([], []), "uv").Kept.Count));

    private static ServiceProfile Profile(IReadOnlyList<string> dependencies, IReadOnlyList<PackagingImport> imports) => new()
    {
        Name = "api",
        Path = ".",
        BuildContext = ".",
        Runtime = new RuntimeInfo("python", "3.11", "default"),
        Framework = "fastapi",
        Port = 8000,
        Health = [],
        Env = [],
        PackageManager = "pip",
        Dependencies = dependencies,
        Python = new PythonFacts { Interface = "asgi", Entrypoint = "app.main:app", ImportRoot = ".", Server = "uvicorn", PackagingImports = imports },
    };
}
