using System.Text;
using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>
/// What a Django project's image needs from its settings: <c>DJANGO_SETTINGS_MODULE</c> set to the production settings when manage.py
/// defaults to others, and <c>collectstatic</c> run once in the builder when <c>STATIC_ROOT</c> is set, its folder copied into the
/// runtime at the same path (the runtime's files are read-only to the service user, and every replica serves the same files).
/// The settings are imported by collectstatic, so the variables they require at import get placeholder values for that one step:
/// names from the code, values obviously fake, never from a .env file.
/// </summary>
public static class DjangoStaticFiles
{
    public const string Placeholder = "collectstatic-placeholder";
    private const string SettingsVariable = "DJANGO_SETTINGS_MODULE";

    /// <summary>The settings module the runtime sets, when it is not the one manage.py defaults to; null otherwise.</summary>
    public static string? SettingsModuleEnv(ServiceProfile profile) =>
        profile.PythonPart().Django is { SettingsModuleDiffersFromDefault: true } django ? django.SettingsModule : null;

    /// <summary>True when the builder runs collectstatic: STATIC_ROOT is set and there is a manage.py to run it with.</summary>
    public static bool Collects(ServiceProfile profile) =>
        profile.PythonPart().Django is { StaticRoot: not null, ManagePy: not null };

    /// <summary>The decisions <c>berth init</c> prints.</summary>
    public static IEnumerable<string> Decisions(ServiceProfile profile)
    {
        if (profile.PythonPart().Django is not { } django)
            yield break;
        if (SettingsModuleEnv(profile) is { } module)
            yield return $"ENV {SettingsVariable}={module} in the runtime: the repository's production settings ({django.SettingsSource}); " +
                (django.DefaultSettingsModule is { } fallback
                    ? $"manage.py commands (migrate) would otherwise use {fallback} ({django.DefaultSettingsSource})"
                    : "nothing sets a default");
        if (django.StaticRoot is not { } staticRoot)
            yield break;
        if (django.ManagePy is null)
        {
            yield return $"STATIC_ROOT is set ({staticRoot.Source}) but there is no manage.py to run collectstatic with: collect the static files in your build";
            yield break;
        }
        var placeholders = Placeholders(profile);
        yield return $"collectstatic at build time into STATIC_ROOT {StaticFolder(profile)} ({staticRoot.Source}), in the builder, copied into the runtime read-only" +
            (placeholders.Count > 0 ? $"; the settings require {string.Join(", ", placeholders.Select(p => p.Name))} at import, given the placeholder value '{Placeholder}' for that step only" : "");
        yield return django.WhiteNoise is { } whiteNoise
            ? $"static files served by the app: {whiteNoise.Value} ({whiteNoise.Source})"
            : $"nothing in {django.SettingsModule} serves the collected files (no WhiteNoise middleware): a web server or CDN must serve STATIC_URL {django.StaticUrl?.Value ?? "(not set)"} from {StaticFolder(profile)}, or add whitenoise.middleware.WhiteNoiseMiddleware to MIDDLEWARE";
    }

    /// <summary>The builder's collectstatic step, after the dependencies are installed and the venv trimmed.</summary>
    public static void BuilderStep(StringBuilder text, PythonImagePlan plan)
    {
        if (!Collects(plan.Profile))
            return;
        var django = plan.Profile.PythonPart().Django!;
        var sources = BuilderSources(plan);
        text.Append("# collectstatic once, here: STATIC_ROOT (").Append(django.StaticRoot!.Source).Append(") is filled at build time and copied into the runtime, where the files stay read-only.\n");
        var placeholders = Placeholders(plan.Profile);
        if (placeholders.Count > 0)
            text.Append("# The settings read ").Append(string.Join(", ", placeholders.Select(p => p.Name)))
                .Append(" at import: placeholder values for this step only, not secrets; the real ones come at run time.\n");
        if (sources.Copy is { } copy)
            text.Append("COPY ").Append(copy).Append('\n');
        if (sources.Folder != PythonImagePlan.AppDirectory)
            text.Append("WORKDIR ").Append(sources.Folder).Append('\n');
        var assignments = new List<string> { $"{SettingsVariable}={django.SettingsModule}" };
        assignments.AddRange(placeholders.Select(p => $"{p.Name}={p.Value}"));
        // mkdir: the runtime's COPY needs the folder even when there is nothing to collect
        text.Append("RUN ").Append(string.Join(" \\\n    ", assignments)).Append(" \\\n    python ").Append(django.ManagePy).Append(" collectstatic --noinput \\\n")
            .Append(" && mkdir -p ").Append(InFolder(sources.Folder, django.StaticRoot.Value)).Append('\n');
        if (sources.Folder != PythonImagePlan.AppDirectory)
            text.Append("WORKDIR ").Append(PythonImagePlan.AppDirectory).Append('\n');
    }

    /// <summary>The runtime's copy of the collected folder, after the app's sources.</summary>
    public static void RuntimeStep(StringBuilder text, PythonImagePlan plan)
    {
        if (!Collects(plan.Profile))
            return;
        var django = plan.Profile.PythonPart().Django!;
        var inBuilder = InFolder(BuilderSources(plan).Folder, django.StaticRoot!.Value);
        text.Append("# The static files collected in the builder (STATIC_ROOT, ").Append(django.StaticRoot.Source).Append(django.WhiteNoise is { } whiteNoise
            ? $"), served by WhiteNoise ({whiteNoise.Source}).\n"
            : "); nothing in the app serves them: a web server or CDN must serve STATIC_URL.\n");
        text.Append("COPY --from=builder ").Append(inBuilder).Append(' ').Append(StaticFolder(plan.Profile)).Append('\n');
    }

    /// <summary>STATIC_ROOT in the runtime: absolute as written, or under the app folder.</summary>
    public static string StaticFolder(ServiceProfile profile) =>
        InFolder(PythonImagePlan.AppDirectory, profile.PythonPart().Django!.StaticRoot!.Value);

    private static string InFolder(string folder, string path) =>
        path.StartsWith('/') ? path.TrimEnd('/') : folder + "/" + (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path).TrimEnd('/');

    /// <summary>The required variables other than the settings module, each with a fake value of the scheme its default names.</summary>
    private static List<(string Name, string Value)> Placeholders(ServiceProfile profile) =>
        profile.Env.Where(e => e.Required && e.Name != SettingsVariable)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => (e.Name, e.DefaultScheme is { } scheme ? $"{scheme}://{Placeholder}" : ConventionalUrl(e.Name) ?? Placeholder))
            .ToList();

    /// <summary>
    /// A placeholder that parses for the variables dj_database_url and django-environ turn into settings at import (<c>env.db()</c>,
    /// <c>dj_database_url.config()</c>, <c>env.cache()</c>, <c>env.email()</c>): a URL with a scheme they know and that needs no driver.
    /// </summary>
    private static string? ConventionalUrl(string name) => name switch
    {
        _ when name.EndsWith("DATABASE_URL", StringComparison.Ordinal) || name.EndsWith("DB_URL", StringComparison.Ordinal) => $"sqlite:///{Placeholder}.sqlite3",
        "CACHE_URL" => "locmemcache://",
        "EMAIL_URL" => "consolemail://",
        _ => null,
    };

    /// <summary>
    /// Where the service's sources are in the builder: the installers that copy the whole build context already put them under /app
    /// (the service folder below it in a workspace); the others get a COPY of the service folder here, after the dependency layer.
    /// </summary>
    private static (string Folder, string? Copy) BuilderSources(PythonImagePlan plan)
    {
        var wholeContext = plan.Installer is "uv" or "pip-project" || plan.Installer == "pip-requirements" && InstallInputCopies.NeedsWholeContext(plan.Profile);
        if (wholeContext)
            return (plan.ServiceInContext == "." ? PythonImagePlan.AppDirectory : PythonImagePlan.AppDirectory + "/" + plan.ServiceInContext, null);
        return (PythonImagePlan.AppDirectory, plan.ServiceInContext == "." ? ". ." : plan.ServiceInContext + "/ ./");
    }
}
