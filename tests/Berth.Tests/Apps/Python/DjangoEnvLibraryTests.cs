using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>
/// Variables Django projects read through dj_database_url and django-environ, and static files WhiteNoise serves from a wrapped
/// WSGI application or a storage setting the path reader cannot follow.
/// </summary>
public sealed class DjangoEnvLibraryTests
{
    private const string Manage = """
        import os
        import sys

        if __name__ == "__main__":
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site1.settings")
            from django.core.management import execute_from_command_line
            execute_from_command_line(sys.argv)
        """;

    private const string Head = """
        import os
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent
        ROOT_URLCONF = "site1.urls"
        WSGI_APPLICATION = "site1.wsgi.application"

        """;

    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        var all = new Dictionary<string, string>(files);
        all.TryAdd("requirements.txt", "Django\ngunicorn\npsycopg2-binary\n");
        all.TryAdd("manage.py", Manage);
        all.TryAdd("site1/__init__.py", "");
        all.TryAdd("site1/wsgi.py", "from django.core.wsgi import get_wsgi_application\n\napplication = get_wsgi_application()\n");
        using var tree = new TempTree(all);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private static EnvVariable Env(ServiceProfile profile, string name) => Assert.Single(profile.Env, e => e.Name == name);

    [Fact]
    public void Dj_database_url_reads_database_url_or_the_named_variable_as_a_secret_with_the_default_scheme_only()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["site1/settings.py"] = Head + """
                import dj_database_url

                DATABASES = {"default": dj_database_url.config(default="postgres://app:devpass@localhost:5432/app", conn_max_age=600)}
                ANALYTICS = dj_database_url.config(env="ANALYTICS_DB_URL")
                REPLICA = dj_database_url.parse(os.environ["REPLICA_DATABASE_URL"])
                NAME = "OTHER_DB_URL" if os.environ.get("ALT") else dj_database_url.DEFAULT_ENV
                OTHER = dj_database_url.config(env=NAME)
                MAIN = dj_database_url.config(env=dj_database_url.DEFAULT_ENV, default="sqlite:///main.db")
                """,
        });
        var database = Env(profile, "DATABASE_URL");
        Assert.Equal((false, true, null, "postgres"), (database.Required, database.Secret, database.Default, database.DefaultScheme));
        Assert.Equal("site1/settings.py:9", database.Source);
        var analytics = Env(profile, "ANALYTICS_DB_URL");
        Assert.True(analytics.Required); // config() without a default gives Django no database
        Assert.True(analytics.Secret);
        Assert.True(Env(profile, "REPLICA_DATABASE_URL") is { Required: true, Secret: true });
        Assert.DoesNotContain(profile.Env, e => e.Name is "NAME" or "OTHER_DB_URL"); // a name held in a variable is not followed
        Assert.Equal("postgres", database.DefaultScheme); // the first default stays, the later sqlite one does not replace it
    }

    [Fact]
    public void Django_environ_reads_each_getter_with_its_default_and_the_env_schemes()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["site1/settings.py"] = Head + """
                import environ

                env = environ.Env(DEBUG=(bool, False), WORKERS=int)
                environ.Env.read_env(os.path.join(BASE_DIR, ".env"))
                SECRET_KEY = env("SECRET_KEY")
                DEBUG = env("DEBUG")
                WORKERS = env("WORKERS")
                ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost"])
                TAGS = env.list("TAGS", str, ["a"])
                PAGE_SIZE = env.int("PAGE_SIZE", default=20)
                USE_S3 = env.bool("USE_S3", False)
                REGION = env.str("REGION")
                DATABASES = {"default": env.db()}
                DATABASES["legacy"] = env.db_url("LEGACY_DATABASE_URL", default="sqlite:///legacy.db")
                CACHES = {"default": env.cache()}
                """,
        });
        Assert.True(Env(profile, "SECRET_KEY") is { Required: true, Secret: true });
        Assert.True(Env(profile, "DEBUG") is { Required: false, Default: "False" });
        Assert.True(Env(profile, "WORKERS") is { Required: true }); // a cast in the scheme is not a default
        Assert.True(Env(profile, "ALLOWED_HOSTS") is { Required: false });
        Assert.True(Env(profile, "TAGS") is { Required: false });
        Assert.True(Env(profile, "PAGE_SIZE") is { Required: false, Default: "20" });
        Assert.True(Env(profile, "USE_S3") is { Required: false, Default: "False" });
        Assert.True(Env(profile, "REGION") is { Required: true });
        Assert.True(Env(profile, "DATABASE_URL") is { Required: true, Secret: true, Source: "site1/settings.py:19" });
        Assert.True(Env(profile, "LEGACY_DATABASE_URL") is { Required: false, Secret: true, DefaultScheme: "sqlite" });
        Assert.True(Env(profile, "CACHE_URL") is { Required: true });
        Assert.Contains(profile.Notes, n => n.StartsWith("site1/settings.py:10: environ.Env.read_env() also reads a .env file", StringComparison.Ordinal));
    }

    [Fact]
    public void An_env_imported_from_the_base_settings_reads_like_the_one_built_there()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["manage.py"] = Manage.Replace("site1.settings", "site1.settings.production", StringComparison.Ordinal),
            ["site1/settings/__init__.py"] = "",
            ["site1/settings/base.py"] = Head + "import environ\n\nenv = environ.Env()\nSECRET_KEY = env(\"SECRET_KEY\")\n",
            ["site1/settings/production.py"] = "from .base import *  # noqa\nfrom .base import env\n\nSENTRY_DSN = env(\"SENTRY_DSN\")\nDATABASES = {\"default\": env.db(\"DATABASE_URL\")}\n",
        });
        Assert.True(Env(profile, "SENTRY_DSN") is { Required: true, Source: "site1/settings/production.py:4" });
        Assert.True(Env(profile, "DATABASE_URL") is { Required: true, Secret: true });
    }

    [Fact]
    public void A_variable_named_env_that_is_not_a_django_environ_env_reads_nothing()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["site1/settings.py"] = Head + "def env(name):\n    return name.upper()\n\nMODE = env(\"mode\")\nSECRET_KEY = \"dev\"\n",
        });
        Assert.DoesNotContain(profile.Env, e => e.Name == "mode");
    }

    [Fact]
    public void Whitenoise_wrapping_the_wsgi_application_serves_the_static_files_and_the_entrypoint_stays_the_application()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["site1/settings.py"] = Head + "STATIC_URL = \"/static/\"\nSTATIC_ROOT = BASE_DIR / \"staticfiles\"\n",
            ["site1/wsgi.py"] = "from django.core.wsgi import get_wsgi_application\nfrom whitenoise import WhiteNoise\n\napplication = WhiteNoise(get_wsgi_application(), root=\"/app/staticfiles\")\napplication.add_files(\"/app/extra\", prefix=\"extra/\")\n",
        });
        Assert.Equal("site1.wsgi:application", profile.Entrypoint);
        var django = profile.PythonPart().Django!;
        Assert.Equal(new DjangoSetting("whitenoise.WhiteNoise", "site1/wsgi.py:4"), django.WhiteNoise);
        Assert.Equal("staticfiles", django.StaticRoot?.Value);
    }

    [Theory]
    [InlineData("STATIC_ROOT = os.environ.get(\"STATIC_ROOT\", os.path.join(BASE_DIR, \"collected\"))")]
    [InlineData("STATIC_ROOT = env(\"STATIC_ROOT\", default=str(BASE_DIR / \"collected\"))")]
    [InlineData("STATIC_ROOT = env.str(\"STATIC_ROOT\", default=\"collected\")")]
    public void A_static_root_read_from_the_environment_with_a_literal_default_is_collected_into_the_default_when_whitenoise_serves_it(string line)
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["site1/settings.py"] = Head + "import environ\n\nenv = environ.Env()\nSECRET_KEY = \"x\"\nMIDDLEWARE = [\"whitenoise.middleware.WhiteNoiseMiddleware\"]\n" + line + "\n",
        });
        var django = profile.PythonPart().Django!;
        Assert.Equal(("collected", "STATIC_ROOT"), (django.StaticRoot?.Value, django.StaticRootVariable));
        Assert.Contains(profile.Notes, n => n.Contains("STATIC_ROOT comes from $STATIC_ROOT, default collected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("STATICFILES_STORAGE = \"whitenoise.storage.CompressedManifestStaticFilesStorage\"")]
    [InlineData("STORAGES = {\"default\": {\"BACKEND\": \"django.core.files.storage.FileSystemStorage\"}, \"staticfiles\": {\"BACKEND\": \"whitenoise.storage.CompressedManifestStaticFilesStorage\"}}")]
    [InlineData("STATICFILES_STORAGE = os.environ.get(\"STORAGE\", \"whitenoise.storage.CompressedManifestStaticFilesStorage\")")]
    public void Whitenoise_manifest_storage_is_recorded_and_an_unreadable_static_root_is_said(string line)
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["site1/settings.py"] = Head + "SECRET_KEY = \"x\"\nSTATIC_ROOT = compute_root()\n" + line + "\n",
        });
        var django = profile.PythonPart().Django!;
        Assert.Equal("whitenoise.storage.CompressedManifestStaticFilesStorage", django.StaticStorage?.Value);
        Assert.Null(django.StaticRoot);
        Assert.Contains(profile.Notes, n => n.Contains("needs collectstatic before the app serves a page", StringComparison.Ordinal));
    }
}
