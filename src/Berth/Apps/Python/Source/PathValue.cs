namespace Berth.Apps.Python.Source;

/// <summary>What a path written in the code starts from.</summary>
public enum PathBaseKind
{
    /// <summary>The working folder: a relative literal (<c>"logs"</c>), or a name this file cannot see into (<c>BASE_DIR</c> of a star import), taken to be the app folder.</summary>
    WorkingFolder,

    /// <summary>The module's own file (<c>__file__</c>, Up = -1) or a folder above it: <c>Path(__file__).resolve().parent.parent</c> is Up = 1.</summary>
    ModuleFolder,

    /// <summary>A name imported from another module (<c>from core.path_conf import LOG_DIR</c>): Name is the qualified name.</summary>
    Imported,

    /// <summary>An environment variable read without a default (<c>f"{os.getenv('APP_FOLDER')}/media"</c>): Name is the variable.</summary>
    Environment,

    /// <summary>A Flask config key (<c>app.config["MEDIA_FOLDER"]</c>), set from a config class attribute elsewhere: Name is the key.</summary>
    Setting,
}

/// <summary>The base a path starts from: <see cref="PathBaseKind"/>, the name it refers to, and for module folders how far up.</summary>
public sealed record PathBase(PathBaseKind Kind, string? Name = null, int Up = 0)
{
    public static readonly PathBase WorkingFolder = new(PathBaseKind.WorkingFolder);
}

/// <summary>
/// A path value: a base and the literal tail joined to it ("" for the base itself). Complete is false when a part after the tail
/// is not a literal (<c>LOG_DIR / f"{name}.log"</c>): the tail is then the known folder the unknown rest lives under.
/// </summary>
public sealed record PathValue(PathBase Base, string Tail, bool Complete = true)
{
    public PathValue Join(string part)
    {
        if (!Complete)
            return this;
        if (part.StartsWith('/'))
            return new PathValue(PathBase.WorkingFolder, part.TrimEnd('/'));
        var clean = part.Trim('/');
        if (clean.Length == 0 || clean == ".")
            return this;
        var up = Base is { Kind: PathBaseKind.ModuleFolder, Up: -1 } ? Base with { Up = 0 } : Base; // __file__ / "x" is not a path, but its folder is
        return new PathValue(up, Tail.Length == 0 ? clean : Tail + "/" + clean);
    }

    /// <summary>
    /// The folder a file lives in, as Berth reports it: the part before the last slash, or the base for a file right in it
    /// (<c>LOG_DIR / "app.log"</c>); a file written bare in the working folder (<c>"app.db"</c>) stays the file itself, as the app
    /// folder is no place for a mount; a partial value is its known folder.
    /// </summary>
    public PathValue Folder()
    {
        if (!Complete)
            return this with { Complete = true };
        var slash = Tail.LastIndexOf('/');
        if (slash >= 0)
            return this with { Tail = Tail[..slash] };
        return Base.Kind == PathBaseKind.WorkingFolder || Tail.Length == 0 ? this : this with { Tail = "" };
    }

    public PathValue Partial() => this with { Complete = false };
}
