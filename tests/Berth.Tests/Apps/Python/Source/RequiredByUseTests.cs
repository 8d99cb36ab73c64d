using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python.Source;

/// <summary>
/// <c>os.environ.get("X")</c> without a default is still required when the app cannot start without it
/// (testdrivenio/django-on-docker): a method called on the result, or Django's SECRET_KEY.
/// </summary>
public sealed class RequiredByUseTests
{
    private static Dictionary<string, EnvVariable> Env(string settings, string settingsFile = "mysite/settings.py")
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "django\ngunicorn\n",
            ["manage.py"] = "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n",
            ["mysite/__init__.py"] = "",
            ["mysite/wsgi.py"] = "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n",
            ["mysite/settings.py"] = "WSGI_APPLICATION = \"mysite.wsgi.application\"\n",
        });
        File.WriteAllText(tree.PathOf(settingsFile), settings + "\n" + (settingsFile == "mysite/settings.py" ? "WSGI_APPLICATION = \"mysite.wsgi.application\"\n" : ""));
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services).Env.ToDictionary(e => e.Name);
    }

    [Fact]
    public void A_method_on_an_unguarded_get_and_djangos_secret_key_make_the_variable_required()
    {
        var env = Env("""
            import os

            SECRET_KEY = os.environ.get("SECRET_KEY")
            DEBUG = bool(os.environ.get("DEBUG", default=0))
            ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ")
            CSRF = os.environ.get("CSRF_ORIGINS", "").split(",")
            ROOT_URLCONF = "mysite.urls"
            INSTALLED_APPS = ["django.contrib.admin"]
            """);
        Assert.True(env["SECRET_KEY"].Required);
        Assert.True(env["DJANGO_ALLOWED_HOSTS"].Required);
        Assert.False(env["DEBUG"].Required);
        Assert.False(env["CSRF_ORIGINS"].Required);
    }

    [Fact]
    public void A_secret_key_outside_django_settings_stays_optional()
    {
        var env = Env("""
            import os

            SECRET_KEY = os.environ.get("SECRET_KEY")
            """, "mysite/config.py");
        Assert.False(env["SECRET_KEY"].Required);
    }
}

/// <summary>Reads guarded by the variable's presence run only when it is set: they do not make it required.</summary>
public sealed class PresenceGuardedReadTests
{
    [Fact]
    public void A_read_inside_a_presence_check_is_optional_and_one_outside_stays_required()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["app.py"] = """
                import os
                from flask import Flask

                app = Flask(__name__)
                if "SENTRY_DSN" in os.environ:
                    app.config["SENTRY"] = os.environ["SENTRY_DSN"]
                elif os.getenv("ROLLBAR_TOKEN"):
                    if True:
                        app.config["ROLLBAR"] = os.environ["ROLLBAR_TOKEN"]
                if "REGION" not in os.environ:
                    raise SystemExit("REGION is required")
                REGION = os.environ["REGION"]
                DB = os.environ["DATABASE_URL"]
                """,
        });
        var env = Assert.Single(PythonServiceDetector.Scan(tree.Root).Services).Env.ToDictionary(e => e.Name);
        Assert.False(env["SENTRY_DSN"].Required);
        Assert.False(env["ROLLBAR_TOKEN"].Required);
        Assert.True(env["REGION"].Required);
        Assert.True(env["DATABASE_URL"].Required);
    }
}
