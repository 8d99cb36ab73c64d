namespace Berth.Apps.Python;

/// <summary>
/// An env variable whose value picks the app's configuration: a settings or config class from a dict (<c>config[FLASK_CONFIG]</c>,
/// <c>environments[AppEnvTypes.prod]</c>), an Enum-typed settings field, or an <c>if ENV == "production":</c> chain. Default is the
/// literal the code falls back to (an Enum member resolved to its value, an <c>or "default"</c> fallback); ProductionChoice is the
/// choice named production/prod/prd/live, or keyed to a class named Production*/Prod*; null when none is.
/// </summary>
public sealed record ConfigSelector
{
    public required string Variable { get; init; }

    /// <summary>The value used when the variable is unset; null when the code has none.</summary>
    public string? Default { get; init; }

    /// <summary>The values the code knows, in the order it lists them.</summary>
    public required IReadOnlyList<string> Choices { get; init; }

    public string? ProductionChoice { get; init; }

    /// <summary>True when the default picks the production configuration (the same value, or a key mapped to the same class).</summary>
    public required bool DefaultIsProduction { get; init; }

    /// <summary>What the default picks ("DevelopmentConfig"), when the choices map to classes.</summary>
    public string? DefaultPicks { get; init; }

    /// <summary>Where the variable is read (file:line).</summary>
    public required string Source { get; init; }

    /// <summary>Where the choices are listed (the dict, the Enum, or the first comparison; file:line).</summary>
    public required string ChoicesSource { get; init; }

    /// <summary>
    /// True when the code falls back to a choice that is not the production one: the image sets the variable. Without a default the
    /// variable is the deployment's to give (it is required, or the lookup fails), so the image leaves it alone.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ImageMustSet => ProductionChoice is not null && Default is not null && !DefaultIsProduction;
}
