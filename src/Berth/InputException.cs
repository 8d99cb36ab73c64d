namespace Berth;

/// <summary>
/// Bad input from the user's tree or command line: reported as "file:line: message" with exit code 2,
/// never as a stack trace. <see cref="File"/> is relative to the scanned root where possible.
/// </summary>
public sealed class InputException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;

    /// <summary>1-based line, or 0 when the problem is the file as a whole.</summary>
    public int Line { get; } = line;

    public string Location => Line > 0 ? $"{File}:{Line}" : File;

    /// <summary>
    /// The same problem with <see cref="File"/> (relative to a scanned folder, "." for the folder itself) shown from where the
    /// user stands: under <paramref name="root"/> as the user typed it, so <c>berth scan ../api</c> says <c>../api/requirements.txt:3</c>.
    /// </summary>
    public InputException Under(string root)
    {
        if (root is "." or "" || Path.IsPathRooted(File))
            return this;
        var file = File is "." or "" ? root : Path.Join(root, File);
        return new InputException(file, Line, Message);
    }

    public override string ToString() => $"{Location}: {Message}";
}
