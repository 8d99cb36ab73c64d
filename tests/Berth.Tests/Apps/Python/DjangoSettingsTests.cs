using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>The settings module a Django image runs with, and STATIC_ROOT, MEDIA_ROOT and WhiteNoise read from it, on small trees.</summary>
public sealed class DjangoSettingsTests
{
    private const string Manage = """
        import os
        import sys

        if __name__ == "__main__":
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site1.settings")
            from django.core.management import execute_from_command_line
            execute_from_command_line(sys.argv)
        """;

    private const string Wsgi = """
        import os
        from django.core.wsgi import get_wsgi_application

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site1.settings")
        application = get_wsgi_application()
        """;

    private const string Head = """
        import os
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent
        ROOT_URLCONF = "site1.urls"
        WSGI_APPLICATION = "site1.wsgi.application"
        INSTALLED_APPS = ["django.contrib.staticfiles"]

        """;

    private static DjangoFacts Scan(IReadOnlyDictionary<string, string> files, out ServiceProfile profile)
    {
        var all = new Dictionary<string, string>(files);
        all.TryAdd("requirements.txt", "Django\ngunicorn\n");
        all.TryAdd("manage.py", Manage);
        all.TryAdd("site1/__init__.py", "");
        all.TryAdd("site1/wsgi.py", Wsgi);
        using var tree = new TempTree(all);
        profile = Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
        return profile.PythonPart().Django ?? throw new InvalidOperationException("no Django facts");
    }

    private static DjangoFacts Scan(IReadOnlyDictionary<string, string> files) => Scan(files, out _);

    [Theory]
    [InlineData("STATIC_ROOT = \"/var/www/static\"", "/var/www/static")]
    [InlineData("STATIC_ROOT = BASE_DIR / \"staticfiles\"", "staticfiles")]
    [InlineData("STATIC_ROOT = os.path.join(BASE_DIR, \"static\")", "static")]
    [InlineData("STATIC_ROOT = str(BASE_DIR / \"public\" / \"static\")", "public/static")]
    public void Static_root_is_read_in_each_written_form(string line, string expected)
    {
        var django = Scan(new Dictionary<string, string> { ["site1/settings.py"] = Head + line + "\n" });
        Assert.Equal("site1.settings", django.SettingsModule);
        Assert.False(django.SettingsModuleDiffersFromDefault);
        Assert.Equal(expected, django.StaticRoot?.Value);
        Assert.Equal("site1/settings.py:8", django.StaticRoot?.Source);
    }

    [Theory]
    [InlineData("MEDIA_ROOT = BASE_DIR / \"media\"", "media")]
    [InlineData("MEDIA_ROOT = os.path.join(BASE_DIR, \"uploads\")", "uploads")]
    [InlineData("MEDIA_ROOT = \"/srv/media\"", "/srv/media")]
    public void Media_root_is_read_and_becomes_a_writable_path(string line, string expected)
    {
        var django = Scan(new Dictionary<string, string> { ["site1/settings.py"] = Head + line + "\n" }, out var profile);
        Assert.Equal(expected, django.MediaRoot?.Value);
        var writable = Assert.Single(profile.WritablePaths, w => w.Path == expected);
        Assert.Equal("site1/settings.py:8", writable.Source);
        Assert.Contains("MEDIA_ROOT", writable.Reason);
    }

    [Fact]
    public void No_static_root_no_whitenoise_nothing_to_collect()
    {
        var django = Scan(new Dictionary<string, string> { ["site1/settings.py"] = Head + "STATIC_URL = \"/static/\"\n" });
        Assert.Null(django.StaticRoot);
        Assert.Null(django.WhiteNoise);
        Assert.Equal("/static/", django.StaticUrl?.Value);
    }

    [Fact]
    public void Production_settings_win_and_read_through_the_star_import_with_later_lines_overriding()
    {
        var django = Scan(new Dictionary<string, string>
        {
            ["site1/settings/__init__.py"] = "",
            ["site1/settings/base.py"] = Head + "STATIC_ROOT = BASE_DIR / \"static-dev\"\nMEDIA_ROOT = BASE_DIR / \"media\"\nMIDDLEWARE = [\"django.middleware.common.CommonMiddleware\"]\n",
            ["site1/settings/local.py"] = "from .base import *\nDEBUG = True\n",
            ["site1/settings/production.py"] = "from .base import *\n\nSTATIC_ROOT = str(BASE_DIR / \"staticfiles\")\nMIDDLEWARE.insert(0, \"whitenoise.middleware.WhiteNoiseMiddleware\")\n",
            ["manage.py"] = Manage.Replace("site1.settings", "site1.settings.local", StringComparison.Ordinal),
        }, out var profile);
        Assert.Equal("site1.settings.production", django.SettingsModule);
        Assert.Equal("site1/settings/production.py", django.SettingsSource);
        Assert.Equal("site1.settings.local", django.DefaultSettingsModule);
        Assert.Equal("manage.py:5", django.DefaultSettingsSource);
        Assert.True(django.SettingsModuleDiffersFromDefault);
        Assert.Equal(new DjangoSetting("staticfiles", "site1/settings/production.py:3"), django.StaticRoot);
        Assert.Equal(new DjangoSetting("media", "site1/settings/base.py:9"), django.MediaRoot);
        Assert.Equal("site1/settings/production.py:4", django.WhiteNoise?.Source);
        Assert.Contains(profile.Evidence, e => e.File == "site1/settings/production.py" && e.Fact.Contains("preferred for the image", StringComparison.Ordinal));
        // .env.example, ConfigMap and compose show the module the image runs with, not the development default
        Assert.Equal("site1.settings.production", Assert.Single(profile.Env, e => e.Name == "DJANGO_SETTINGS_MODULE").Default);
    }

    [Fact]
    public void A_star_import_after_an_assignment_overrides_it_and_none_unsets()
    {
        var django = Scan(new Dictionary<string, string>
        {
            ["site1/settings/__init__.py"] = "",
            ["site1/settings/common.py"] = Head + "STATIC_ROOT = \"/from-common\"\nMEDIA_ROOT = \"/media\"\n",
            ["site1/settings/prod.py"] = "STATIC_ROOT = \"/overridden\"\nfrom site1.settings.common import *\nMEDIA_ROOT = None\n",
        });
        Assert.Equal("site1.settings.prod", django.SettingsModule);
        Assert.Equal("/from-common", django.StaticRoot?.Value);
        Assert.Null(django.MediaRoot);
    }

    [Fact]
    public void Cookiecutter_layout_prefers_config_settings_production_over_the_local_default()
    {
        var head = Head.Replace("site1.", "config.", StringComparison.Ordinal);
        var django = Scan(new Dictionary<string, string>
        {
            ["site1/wsgi.py"] = "",
            ["config/__init__.py"] = "",
            ["config/wsgi.py"] = Wsgi.Replace("site1.settings", "config.settings.production", StringComparison.Ordinal),
            ["config/settings/__init__.py"] = "",
            ["config/settings/base.py"] = head + "STATIC_ROOT = str(BASE_DIR / \"staticfiles\")\nMIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    \"whitenoise.middleware.WhiteNoiseMiddleware\",\n]\n",
            ["config/settings/local.py"] = "from .base import *  # noqa\n",
            ["config/settings/production.py"] = "from .base import *  # noqa\nfrom .base import env  # noqa\n",
            ["manage.py"] = Manage.Replace("site1.settings", "config.settings.local", StringComparison.Ordinal),
        });
        Assert.Equal("config.settings.production", django.SettingsModule);
        Assert.Equal("config.settings.local", django.DefaultSettingsModule);
        Assert.Equal("staticfiles", django.StaticRoot?.Value);
        Assert.Equal("config/settings/base.py:9", django.WhiteNoise?.Source);
    }

    [Fact]
    public void A_static_root_from_the_environment_is_not_guessed_and_says_so()
    {
        var django = Scan(new Dictionary<string, string> { ["site1/settings.py"] = Head + "STATIC_ROOT = os.environ.get(\"STATIC_ROOT\", \"/static\")\n" }, out var profile);
        Assert.Null(django.StaticRoot);
        Assert.Contains(profile.Notes, n => n.StartsWith("site1/settings.py:8: STATIC_ROOT", StringComparison.Ordinal) && n.Contains("collectstatic", StringComparison.Ordinal));
    }
}

/// <summary>The scan's text output names the settings module and STATIC_ROOT with their sources.</summary>
public sealed class DjangoScanTextTests
{
    [Fact]
    public void Scan_text_shows_the_settings_module_and_static_root()
    {
        var scan = PythonServiceDetector.Scan(RepoPaths.Fixture("django-static"));
        var text = Berth.Reporting.ScanTextRenderer.Render(new Berth.Reporting.ScanReport(scan.Root, scan.Services, scan.Skipped, scan.Notes));
        Assert.Contains("  settings   shop.settings.production  (production settings, shop/settings/production.py; default shop.settings.local)\n", text);
        Assert.Contains("  static     staticfiles  (STATIC_ROOT, shop/settings/production.py:7; served by WhiteNoise, shop/settings/production.py:6)\n", text);
    }
}
