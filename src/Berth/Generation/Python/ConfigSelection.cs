using System.Text;
using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>
/// The production configuration in the image: when the variable that selects the configuration (FLASK_CONFIG, APP_ENV...) falls
/// back to a development choice, the runtime sets it to the production choice with ENV (it names a configuration, not a secret),
/// as <see cref="DjangoStaticFiles"/> does for DJANGO_SETTINGS_MODULE. The env files the settings classes name (<c>prod.env</c>)
/// stay out of the build context: the orchestrator provides those variables.
/// </summary>
public static class ConfigSelection
{
    /// <summary>The variable and value the runtime sets, or null when the default already runs production (or none is known).</summary>
    public static (string Variable, string Value)? ImageEnv(ServiceProfile profile) =>
        profile.PythonPart().ConfigSelector is { ImageMustSet: true, ProductionChoice: { } production } selector ? (selector.Variable, production) : null;

    /// <summary>The comment above the runtime's ENV, when it sets the selector.</summary>
    public static void RuntimeComment(StringBuilder text, ServiceProfile profile)
    {
        if (ImageEnv(profile) is null)
            return;
        text.Append("# ").Append(Reason(profile.PythonPart().ConfigSelector!)).Append(".\n");
    }

    /// <summary>The decisions <c>berth init</c> prints.</summary>
    public static IEnumerable<string> Decisions(ServiceProfile profile)
    {
        var python = profile.PythonPart();
        if (python.ConfigSelector is { } selector && ImageEnv(profile) is { } env)
            yield return $"ENV {env.Variable}={env.Value} in the runtime: {Reason(selector)}";
        var ignored = IgnoredEnvFiles(profile);
        if (ignored.Count > 0)
            yield return $"{string.Join(", ", ignored)} kept out of the build context: the settings read them if present, and the orchestrator must provide those variables (Secrets/ConfigMaps)";
    }

    /// <summary>The .dockerignore block naming the settings' own env files that the general .env patterns do not cover.</summary>
    public static IEnumerable<IgnoreSection> DockerignoreSections(ServiceProfile profile)
    {
        var ignored = IgnoredEnvFiles(profile);
        if (ignored.Count > 0)
            yield return new IgnoreSection("Env files the settings classes read (the orchestrator provides these variables)", ignored);
    }

    /// <summary>The settings env files as build-context patterns, except those the .env/.env.* patterns already cover.</summary>
    private static List<string> IgnoredEnvFiles(ServiceProfile profile)
    {
        var service = RelativePath.Under(profile.Path, profile.BuildContext);
        return (profile.PythonPart().SettingsEnvFiles ?? [])
            .Select(f => f.StartsWith("./", StringComparison.Ordinal) ? f[2..] : f)
            .Where(f => f.Length > 0 && !f.StartsWith('/') && !f.Contains("..", StringComparison.Ordinal))
            .Where(f => RelativePath.FileName(f) is var name && name != ".env" && !name.StartsWith(".env.", StringComparison.Ordinal))
            .Select(f => RelativePath.Join(service, f))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Reason(ConfigSelector selector) =>
        $"{selector.Variable} selects the configuration ({selector.Source}, choices at {selector.ChoicesSource}); left unset it is " +
        $"'{selector.Default}'" + (selector.DefaultPicks is { } picked ? $" ({picked})" : "") +
        $", so the image runs '{selector.ProductionChoice}'. Not a secret";
}
