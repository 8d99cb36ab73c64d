namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Which Debian 12 (bookworm) packages a Python dependency needs: in the builder to compile it from source, and in the
/// runtime image to load it. Kept as data; one entry per distribution name (and extra, where the extra changes the answer).
/// gcc always comes with libc6-dev: installed with --no-install-recommends, gcc alone cannot find stdio.h or limits.h.
/// </summary>
public static class NativeLibraryCatalog
{
    /// <summary>One row of the table. Extra, when set, must be among the requirement's extras for the row to apply.</summary>
    internal sealed record Entry(string Name, string? Extra, string[] Build, string[] Runtime, bool BinaryWheel, string Reason)
    {
        public string Dependency => Extra is null ? Name : $"{Name}[{Extra}]";
    }

    internal static readonly Entry[] Entries =
    [
        new("psycopg2", null, ["libpq-dev", "gcc", "libc6-dev"], ["libpq5"], false, "psycopg2 builds from source against libpq (use psycopg2-binary or psycopg[binary] to skip the compiler)"),
        new("psycopg2-binary", null, [], [], true, "psycopg2-binary wheels bundle libpq"),
        new("psycopg", null, [], ["libpq5"], false, "psycopg's pure-Python implementation loads the system libpq at runtime"),
        new("psycopg", "c", ["libpq-dev", "gcc", "libc6-dev"], ["libpq5"], false, "psycopg[c] compiles its C implementation against libpq"),
        new("psycopg", "binary", [], [], true, "psycopg[binary] wheels bundle libpq"),
        new("psycopg-binary", null, [], [], true, "psycopg-binary wheels bundle libpq"),
        new("psycopg-c", null, ["libpq-dev", "gcc", "libc6-dev"], ["libpq5"], false, "psycopg-c compiles against libpq"),
        new("asyncpg", null, [], [], true, "asyncpg ships manylinux wheels and speaks the PostgreSQL protocol itself (gcc only for source builds)"),
        new("uvloop", null, [], [], true, "uvloop ships manylinux wheels with libuv built in"),
        new("httptools", null, [], [], true, "httptools ships manylinux wheels"),
        new("mysqlclient", null, ["default-libmysqlclient-dev", "pkg-config", "gcc", "libc6-dev"], ["libmariadb3"], false, "mysqlclient compiles against the MySQL/MariaDB client library"),
        new("pillow", null, [], [], true, "Pillow wheels bundle libjpeg, zlib and friends (source builds need libjpeg-dev zlib1g-dev)"),
        new("lxml", null, [], [], true, "lxml wheels bundle libxml2 and libxslt"),
        new("cryptography", null, [], [], true, "cryptography ships manylinux wheels with OpenSSL built in (source builds need Rust)"),
        new("pycairo", null, ["libcairo2-dev", "pkg-config", "gcc", "libc6-dev"], ["libcairo2"], false, "pycairo has no Linux wheels and compiles against cairo"),
        new("python-ldap", null, ["libldap2-dev", "libsasl2-dev", "gcc", "libc6-dev"], ["libldap-2.5-0", "libsasl2-2"], false, "python-ldap compiles against OpenLDAP and Cyrus SASL"),
        new("pyodbc", null, ["unixodbc-dev", "gcc", "libc6-dev"], ["unixodbc"], false, "pyodbc loads the unixODBC driver manager at runtime (and compiles against it without a wheel)"),
        new("confluent-kafka", null, [], [], true, "confluent-kafka wheels bundle librdkafka"),
        new("grpcio", null, [], [], true, "grpcio ships manylinux wheels (source builds take a long time)"),
        new("numpy", null, [], [], true, "numpy wheels bundle OpenBLAS"),
        new("pandas", null, [], [], true, "pandas ships manylinux wheels"),
        new("pdf2image", null, [], ["poppler-utils"], true, "pdf2image runs the poppler command-line tools (pdftoppm)"),
        new("pydub", null, [], ["ffmpeg"], true, "pydub runs ffmpeg to decode and encode audio"),
        new("weasyprint", null, [], ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"], true, "WeasyPrint loads Pango and HarfBuzz at runtime"),
        new("python-magic", null, [], ["libmagic1"], true, "python-magic loads libmagic at runtime"),
        new("gevent", null, [], [], true, "gevent ships manylinux wheels with libev/libuv built in"),
        new("uwsgi", null, ["gcc", "libc6-dev"], [], false, "uWSGI publishes no wheels: pip compiles it from source"),
        new("pycrypto", null, ["gcc", "libc6-dev"], [], false, "pycrypto publishes a source distribution only with C extensions (unmaintained: pycryptodome ships wheels)"),
    ];

    /// <summary>The table rows that apply to the given requirements, once per row, in the order of the requirements.</summary>
    public static IReadOnlyList<NativeLibrary> For(IEnumerable<PythonRequirement> dependencies)
    {
        var found = new List<NativeLibrary>();
        var seen = new HashSet<Entry>(ReferenceEqualityComparer.Instance);
        foreach (var requirement in dependencies)
        {
            var extras = requirement.Extras.Select(PythonPackageName.Normalize).ToHashSet(StringComparer.Ordinal);
            var rows = Entries.Where(e => e.Name == requirement.Name).ToList();
            // A row for an extra the requirement asks for is more specific than the plain row.
            var entry = rows.FirstOrDefault(e => e.Extra is not null && extras.Contains(e.Extra)) ?? rows.FirstOrDefault(e => e.Extra is null);
            if (entry is null || !seen.Add(entry))
                continue;
            found.Add(new NativeLibrary(entry.Dependency, entry.Build, entry.Runtime, entry.BinaryWheel, entry.Reason));
        }

        return found;
    }
}
