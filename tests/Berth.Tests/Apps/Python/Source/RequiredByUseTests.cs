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
