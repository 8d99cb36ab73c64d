using System.Text;
using Berth.Dockerfiles;

namespace Berth.Linting.Fixes;

/// <summary>
/// <c>berth lint --fix</c> on files: reads each Dockerfile as bytes (a byte order mark is kept), applies the safe fixes and,
/// when something changed, writes the file in place through a temp file and a move.
/// </summary>
public static class DockerfileFixRun
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<AppliedFix> Execute(IReadOnlyList<string> dockerfiles)
    {
        var applied = new List<AppliedFix>();
        foreach (var file in dockerfiles)
        {
            string text;
            try
            {
                text = Utf8.GetString(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(file, 0, $"cannot read file: {e.Message}");
            }
            var result = DockerfileFixer.Fix(DockerfileParser.Parse(file, text));
            if (!result.Changed)
                continue;
            WriteAtomically(file, result.Document.ToText());
            applied.AddRange(result.Applied);
        }
        return applied;
    }

    private static void WriteAtomically(string file, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(file)}.berth-{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, Utf8.GetBytes(text));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, File.GetUnixFileMode(file)); // keep the file's permissions
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new InputException(file, 0, $"cannot write the fixed file: {e.Message}");
        }
    }
}
