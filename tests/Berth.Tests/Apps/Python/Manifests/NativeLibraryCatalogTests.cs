using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class NativeLibraryCatalogTests
{
    private static PythonRequirement Requirement(string text) => Pep508Parser.Parse(text).At("requirements.txt", 1);

    private static NativeLibrary Single(string requirement) => Assert.Single(NativeLibraryCatalog.For([Requirement(requirement)]));

    [Fact]
    public void Psycopg2_builds_from_source_against_libpq()
    {
        var library = Single("psycopg2==2.9.9");

        Assert.Equal("psycopg2", library.Dependency);
        Assert.Equal(["libpq-dev", "gcc", "libc6-dev"], library.BuildPackages);
        Assert.Equal(["libpq5"], library.RuntimePackages);
        Assert.False(library.BinaryWheel);
    }

    [Theory]
    [InlineData("psycopg2-binary")]
    [InlineData("psycopg2_binary>=2.9")]
    [InlineData("psycopg[binary,pool]>=3.1")]
    [InlineData("asyncpg")]
    [InlineData("uvloop")]
    [InlineData("httptools")]
    [InlineData("Pillow")]
    [InlineData("lxml")]
    [InlineData("cryptography")]
    [InlineData("confluent-kafka")]
    [InlineData("grpcio")]
    [InlineData("numpy")]
    [InlineData("pandas")]
    [InlineData("gevent")]
    public void Wheels_need_nothing_from_the_system(string requirement)
    {
        var library = Single(requirement);

        Assert.True(library.BinaryWheel);
        Assert.Empty(library.BuildPackages);
        Assert.Empty(library.RuntimePackages);
        Assert.False(string.IsNullOrWhiteSpace(library.Reason));
    }

    [Theory]
    [InlineData("psycopg", "", "libpq5")]
    [InlineData("psycopg[c]", "libpq-dev gcc libc6-dev", "libpq5")]
    [InlineData("mysqlclient", "default-libmysqlclient-dev pkg-config gcc libc6-dev", "libmariadb3")]
    [InlineData("pycairo", "libcairo2-dev pkg-config gcc libc6-dev", "libcairo2")]
    [InlineData("python-ldap", "libldap2-dev libsasl2-dev gcc libc6-dev", "libldap-2.5-0 libsasl2-2")]
    [InlineData("pyodbc", "unixodbc-dev gcc libc6-dev", "unixodbc")]
    [InlineData("uwsgi", "gcc libc6-dev", "")]
    [InlineData("pdf2image", "", "poppler-utils")]
    [InlineData("pydub", "", "ffmpeg")]
    [InlineData("WeasyPrint", "", "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0")]
    [InlineData("python_magic", "", "libmagic1")]
    public void Native_dependencies_name_their_debian_packages(string requirement, string build, string runtime)
    {
        var library = Single(requirement);

        Assert.Equal(build, string.Join(' ', library.BuildPackages));
        Assert.Equal(runtime, string.Join(' ', library.RuntimePackages));
    }

    [Fact]
    public void Unknown_packages_need_nothing_and_repeats_are_reported_once()
    {
        var libraries = NativeLibraryCatalog.For([Requirement("flask"), Requirement("mysqlclient"), Requirement("mysqlclient>=2"), Requirement("psycopg[binary]")]);

        Assert.Equal(["mysqlclient", "psycopg[binary]"], libraries.Select(l => l.Dependency));
    }

    [Fact]
    public void The_table_has_one_row_per_name_and_extra_with_a_reason()
    {
        Assert.Equal(NativeLibraryCatalog.Entries.Length, NativeLibraryCatalog.Entries.Select(e => e.Dependency).Distinct().Count());
        Assert.All(NativeLibraryCatalog.Entries, e =>
        {
            Assert.Equal(PythonPackageName.Normalize(e.Name), e.Name);
            Assert.DoesNotContain('\n', e.Reason);
            Assert.False(e.BinaryWheel && e.Build.Length > 0, $"{e.Dependency}: a wheel needs no build packages");
        });
    }
}
