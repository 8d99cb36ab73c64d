using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python.Source;

/// <summary>Variables read through the module's own helper functions (healthchecks' <c>envint</c>, <c>envbool</c>, <c>envsecret</c>).</summary>
public sealed class EnvHelperTests
{
    private static ServiceProfile Scan(string settings)
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["app.py"] = "from flask import Flask\nimport settings\n\napp = Flask(__name__)\n",
            ["settings.py"] = settings,
        });
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private const string Helpers = """
        import os


        def envbool(s: str, default: str) -> bool:
            v = os.getenv(s, default=default)
            return v == "True"


        def envint(s: str, default: str) -> int | None:
            v = os.getenv(s, default)
            return None if v == "None" else int(v)


        def envsecret(s: str, default: str | None = None) -> str | None:
            if path := os.getenv(s + "_FILE"):
                return open(path).read()
            return os.getenv(s, default)


        def must(name):
            return os.environ[name]

        """;

    [Fact]
    public void Calls_to_a_helper_that_reads_its_parameter_are_env_reads_with_the_calls_default()
    {
        var profile = Scan(Helpers + """
            DEBUG = envbool("DEBUG", "False")
            CONN_MAX_AGE = envint("DB_CONN_MAX_AGE", "0")
            SECRET_KEY = envsecret("SECRET_KEY", "---")
            DB_PASSWORD = envsecret("DB_PASSWORD")
            SITE = must("SITE_ROOT")
            """);
        var env = profile.Env.ToDictionary(e => e.Name);
        Assert.Equal(["DB_CONN_MAX_AGE", "DB_PASSWORD", "DEBUG", "SECRET_KEY", "SITE_ROOT"], env.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("0", env["DB_CONN_MAX_AGE"].Default);
        Assert.False(env["DB_CONN_MAX_AGE"].Required);
        Assert.True(env["SECRET_KEY"].Secret);
        Assert.Null(env["SECRET_KEY"].Default); // never shown for a secret
        Assert.True(env["DB_PASSWORD"].Secret);
        Assert.True(env["SITE_ROOT"].Required);
        Assert.Equal("settings.py:26", env["SITE_ROOT"].Source);
    }

    [Fact]
    public void A_function_reading_a_literal_name_or_a_computed_one_is_no_helper()
    {
        var profile = Scan("""
            import os


            def db_url():
                return os.getenv("DATABASE_URL", "sqlite://")


            def prefixed(name):
                return os.getenv("APP_" + name)

            URL = db_url()
            MODE = prefixed("MODE")
            """);
        Assert.Equal(["DATABASE_URL"], profile.Env.Select(e => e.Name));
    }
}
