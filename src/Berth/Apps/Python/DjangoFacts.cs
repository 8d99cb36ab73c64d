using System.Text.Json.Serialization;

namespace Berth.Apps.Python;

/// <summary>
/// What a Django project's image needs from its settings: the settings module the image runs with and the static and media
/// settings read from it (and the modules it star-imports). Sources are file:line.
/// </summary>
public sealed record DjangoFacts
{
    /// <summary>The dotted settings module the image runs with: the repository's production settings when it has them, else the default.</summary>
    public required string SettingsModule { get; init; }

    /// <summary>Why that module: the file of the production settings, or where the default is set.</summary>
    public required string SettingsSource { get; init; }

    /// <summary>The module <c>DJANGO_SETTINGS_MODULE</c> defaults to (manage.py's <c>os.environ.setdefault</c>, else wsgi.py's or asgi.py's); null when none sets it.</summary>
    public string? DefaultSettingsModule { get; init; }

    /// <summary>Where the default is set (file:line).</summary>
    public string? DefaultSettingsSource { get; init; }

    /// <summary>manage.py relative to the service folder, when there is one.</summary>
    public string? ManagePy { get; init; }

    /// <summary><c>STATIC_ROOT</c>: where collectstatic gathers the static files (relative to the app folder unless absolute).</summary>
    public DjangoSetting? StaticRoot { get; init; }

    /// <summary><c>STATIC_URL</c>, when it is a literal.</summary>
    public DjangoSetting? StaticUrl { get; init; }

    /// <summary><c>MEDIA_ROOT</c>: where uploaded files go (relative to the app folder unless absolute).</summary>
    public DjangoSetting? MediaRoot { get; init; }

    /// <summary>
    /// WhiteNoise's middleware in <c>MIDDLEWARE</c>, or <c>WhiteNoise(get_wsgi_application(), ...)</c> wrapping the WSGI application in
    /// the module that defines it: the app serves <c>STATIC_ROOT</c> itself.
    /// </summary>
    public DjangoSetting? WhiteNoise { get; init; }

    /// <summary>
    /// The environment variable <c>STATIC_ROOT</c> is read from when the settings take it from one with a literal default
    /// (<c>env("STATIC_ROOT", default=...)</c>): StaticRoot holds that default, which is where the image collects.
    /// </summary>
    public string? StaticRootVariable { get; init; }

    /// <summary>
    /// WhiteNoise's storage in <c>STATICFILES_STORAGE</c> or <c>STORAGES</c> (any string naming it, an env read's default too): with
    /// its manifest storage every <c>{% static %}</c> fails until collectstatic has run.
    /// </summary>
    public DjangoSetting? StaticStorage { get; init; }

    /// <summary>True when the image runs with another module than the one <c>DJANGO_SETTINGS_MODULE</c> defaults to.</summary>
    [JsonIgnore]
    public bool SettingsModuleDiffersFromDefault => DefaultSettingsModule != SettingsModule;
}

/// <summary>A Django setting's value and where it was set (file:line).</summary>
public sealed record DjangoSetting(string Value, string Source);
