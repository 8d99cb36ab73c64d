using Berth.Apps;
using Berth.Apps.Python;
using Berth.Generation;
using Berth.Generation.Python;

namespace Berth.Tests.Generation;

/// <summary>The settings-module ENV, the collectstatic decision and its placeholders, and the note when nothing serves STATIC_URL.</summary>
public sealed class DjangoStaticFilesTests
{
    private static readonly DjangoFacts Production = new()
    {
        SettingsModule = "site1.settings.production",
        SettingsSource = "site1/settings/production.py",
        DefaultSettingsModule = "site1.settings.local",
        DefaultSettingsSource = "manage.py:6",
        ManagePy = "manage.py",
        StaticRoot = new DjangoSetting("staticfiles", "site1/settings/base.py:20"),
        StaticUrl = new DjangoSetting("/static/", "site1/settings/base.py:19"),
    };

    [Fact]
    public void Production_settings_without_whitenoise_set_the_env_collect_and_say_a_web_server_must_serve_static()
    {
        var profile = Profile(Production, [new EnvVariable("DATABASE_URL", true, false, "site1/settings/base.py:5", null, DefaultScheme: "postgres"),
            new EnvVariable("DJANGO_SECRET_KEY", true, true, "site1/settings/base.py:4", null), new EnvVariable("DEBUG", false, false, "site1/settings/base.py:6", "0")]);
        Assert.Equal("site1.settings.production", DjangoStaticFiles.SettingsModuleEnv(profile));
        var decisions = DjangoStaticFiles.Decisions(profile).ToList();
        Assert.Contains(decisions, d => d.StartsWith("ENV DJANGO_SETTINGS_MODULE=site1.settings.production", StringComparison.Ordinal) && d.Contains("manage.py:6", StringComparison.Ordinal));
        Assert.Contains(decisions, d => d.Contains("STATIC_ROOT /app/staticfiles (site1/settings/base.py:20)", StringComparison.Ordinal) && d.Contains("DATABASE_URL, DJANGO_SECRET_KEY at import", StringComparison.Ordinal));
        Assert.Contains(decisions, d => d.Contains("a web server or CDN must serve STATIC_URL /static/", StringComparison.Ordinal));

        var plan = PythonImagePlan.For(profile, new GenerationOptions());
        var dockerfile = PythonDockerfileWriter.Write(plan, OutputLayout.InPlace("/src"));
        Assert.Contains("    DATABASE_URL=postgres://collectstatic-placeholder \\\n    DJANGO_SECRET_KEY=collectstatic-placeholder \\\n    python manage.py collectstatic --noinput", dockerfile);
        Assert.DoesNotContain("DEBUG=", dockerfile);
        Assert.Contains("COPY --from=builder /app/staticfiles /app/staticfiles\n", dockerfile);
        Assert.Contains("    DJANGO_SETTINGS_MODULE=site1.settings.production\n", dockerfile);
    }

    [Fact]
    public void The_default_settings_without_static_root_change_nothing()
    {
        var profile = Profile(Production with { SettingsModule = "site1.settings.local", StaticRoot = null }, []);
        Assert.Null(DjangoStaticFiles.SettingsModuleEnv(profile));
        Assert.Empty(DjangoStaticFiles.Decisions(profile));
        var dockerfile = PythonDockerfileWriter.Write(PythonImagePlan.For(profile, new GenerationOptions()), OutputLayout.InPlace("/src"));
        Assert.DoesNotContain("collectstatic", dockerfile);
        Assert.DoesNotContain("DJANGO_SETTINGS_MODULE", dockerfile);
    }

    private static ServiceProfile Profile(DjangoFacts django, IReadOnlyList<EnvVariable> env) => new()
    {
        Name = "site1",
        Path = ".",
        BuildContext = ".",
        Runtime = new RuntimeInfo("python", "3.11", "default"),
        Framework = "django",
        Port = 8000,
        Health = [],
        Env = env,
        PackageManager = "pip",
        Dependencies = ["django", "gunicorn"],
        Python = new PythonFacts
        {
            Interface = "wsgi", Entrypoint = "site1.wsgi:application", ImportRoot = ".", Server = "gunicorn",
            RequirementFiles = ["requirements.txt"], Django = django,
        },
    };
}
