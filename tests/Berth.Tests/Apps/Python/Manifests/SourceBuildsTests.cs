using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

/// <summary>The lock's wheel list decides whether a package builds from source for CPython 3.11 on manylinux x86_64.</summary>
public sealed class SourceBuildsTests
{
    [Theory]
    [InlineData("psycopg2_binary-2.9.9-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", true)]
    [InlineData("fastapi-0.115.0-py3-none-any.whl", true)]
    [InlineData("cryptography-43.0.1-cp39-abi3-manylinux_2_28_x86_64.whl", true)]
    [InlineData("pydantic_core-2.23.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", false)]
    [InlineData("pydantic_core-2.23.4-cp311-cp311-musllinux_1_1_x86_64.whl", false)]
    [InlineData("pydantic_core-2.23.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl", false)]
    [InlineData("mysqlclient-2.2.4-cp311-cp311-win_amd64.whl", false)]
    public void A_wheel_fits_by_its_tags(string wheel, bool fits) => Assert.Equal(fits, SourceBuilds.Fits(wheel, "cp311"));

    [Fact]
    public void A_main_package_with_only_an_sdist_builds_from_source_with_the_tables_packages()
    {
        var locked = new[]
        {
            new LockedPackage("uwsgi", "2.0.27", ["main"], null) { Files = ["uwsgi-2.0.27.tar.gz"] },
            new LockedPackage("mysqlclient", "2.2.4", ["main"], null) { Files = ["mysqlclient-2.2.4-cp311-cp311-win_amd64.whl", "mysqlclient-2.2.4.tar.gz"] },
            new LockedPackage("fastapi", "0.115.0", ["main"], null) { Files = ["fastapi-0.115.0-py3-none-any.whl", "fastapi-0.115.0.tar.gz"] },
            new LockedPackage("pytest-xdist-c", "1.0", ["dev"], null) { Files = ["pytest_xdist_c-1.0.tar.gz"] },
            new LockedPackage("from-git", "1.0", ["main"], null),
        };

        var builds = SourceBuilds.For(locked, "uv.lock", "3.11");

        Assert.Equal(["uwsgi", "mysqlclient"], builds.Select(b => b.Dependency));
        Assert.Equal(["gcc", "libc6-dev"], builds[0].BuildPackages);
        Assert.Contains("uv.lock lists no wheel of uwsgi 2.0.27 for cp311 manylinux x86_64 (a source distribution only)", builds[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["default-libmysqlclient-dev", "pkg-config", "gcc", "libc6-dev"], builds[1].BuildPackages);
        Assert.Equal(["libmariadb3"], builds[1].RuntimePackages);
    }

    [Fact]
    public void A_source_distribution_only_package_the_table_does_not_name_builds_without_a_compiler()
    {
        var locked = new[]
        {
            new LockedPackage("dkimpy", "1.1.8", ["main"], null) { Files = ["dkimpy-1.1.8.tar.gz"] },
            new LockedPackage("fastcrc", "0.3.2", ["main"], null) { Files = ["fastcrc-0.3.2-cp312-cp312-manylinux_2_17_x86_64.whl", "fastcrc-0.3.2.tar.gz"] },
        };

        var builds = SourceBuilds.For(locked, "poetry.lock", "3.11");

        Assert.Equal(["dkimpy", "fastcrc"], builds.Select(b => b.Dependency));
        Assert.Empty(builds[0].BuildPackages);
        Assert.Empty(builds[0].RuntimePackages);
        Assert.StartsWith("poetry.lock lists a source distribution only for dkimpy 1.1.8, and Berth's native-library table does not name it: pip builds it in the builder without a compiler", builds[0].Reason, StringComparison.Ordinal);
        // wheels for other targets only: the project has compiled code
        Assert.Equal(["gcc", "libc6-dev"], builds[1].BuildPackages);
        Assert.Contains("none for this target: the project has compiled code", builds[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_lock_nothing_is_judged() =>
        Assert.Empty(SourceBuilds.For([new LockedPackage("uwsgi", "2.0.27", ["main"], null) { Files = ["uwsgi-2.0.27.tar.gz"] }], null, "3.11"));
}
