namespace Berth.Dockerfiles;

/// <summary>
/// Which heredocs of a RUN a shell executes: <c>RUN &lt;&lt;EOF</c> and <c>RUN bash &lt;&lt;EOF</c> bodies are scripts; heredocs that are data
/// (<c>cat &lt;&lt;EOF &gt; file</c>, <c>python3 &lt;&lt;EOF</c>) or start with a non-shell <c>#!</c> line are not.
/// </summary>
internal static class HeredocScripts
{
    private static readonly string[] Shells = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"];

    /// <summary>Whether a shell runs the heredoc's body, given the RUN's command line (null in exec form).</summary>
    public static bool IsShellScript(Heredoc heredoc, ShellScript? line)
    {
        var firstLine = heredoc.Content.TrimStart().Split('\n', 2)[0];
        var interpreter = firstLine.StartsWith("#!", StringComparison.Ordinal) ? firstLine[2..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (interpreter.Length > 0 && interpreter[0].StartsWith('/'))
        {
            var name = interpreter[0][(interpreter[0].LastIndexOf('/') + 1)..];
            if (name == "env" && interpreter.Length > 1)
                name = interpreter[1];
            return Array.IndexOf(Shells, name) >= 0;
        }
        var reader = line?.Commands.FirstOrDefault(c => c.Redirections.Any(r => r.Operator is "<<" or "<<-" && r.Target?.Value == heredoc.Name));
        if (reader is null)
            return line is null || line.Commands.All(c => c.Executable is null);
        return reader.Executable is null || (reader.Name is { } shell && Array.IndexOf(Shells, shell) >= 0 && reader.InlineScript() is null);
    }
}
