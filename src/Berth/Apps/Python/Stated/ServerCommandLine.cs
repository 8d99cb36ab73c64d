using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// A command line that starts a Python server, as a repository writes it (Procfile, start script, Dockerfile CMD, compose
/// <c>command:</c>): the server, the module:attr it serves, and the port it binds when the port is a literal (quoted or not: <c>--bind '0.0.0.0:8000'</c>).
/// </summary>
public sealed partial record ServerCommandLine(string Command, string Server, string? AppReference, int? Port)
{
    private static readonly string[] Servers = ["uvicorn", "gunicorn", "hypercorn", "daphne", "granian", "waitress-serve", "uwsgi"];

    /// <summary>The server command in <paramref name="command"/>, or null when it starts none (<c>flask run</c> and <c>fastapi run</c> count).</summary>
    public static ServerCommandLine? Parse(string command)
    {
        var words = command.Replace("\"", " ", StringComparison.Ordinal).Replace("'", " ", StringComparison.Ordinal)
            .Replace(",", " ", StringComparison.Ordinal).Replace("[", " ", StringComparison.Ordinal).Replace("]", " ", StringComparison.Ordinal)
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string? server = null;
        for (var i = 0; i < words.Length && server is null; i++)
        {
            var name = Path.GetFileName(words[i]);
            if (Servers.Contains(name, StringComparer.Ordinal))
                server = name;
            else if (name is "flask" or "fastapi" && i + 1 < words.Length && words[i + 1] == "run")
                server = name + " run";
        }

        if (server is null)
            return null;
        var reference = words.FirstOrDefault(w => AppReferencePattern().IsMatch(w) && !w.Contains("workers.", StringComparison.Ordinal));
        int? port = null;
        var match = PortPattern().Match(command);
        if (match.Success && int.TryParse(match.Groups["port"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536)
            port = p;
        else if (server is "flask run" or "fastapi run" && !command.Contains("--port", StringComparison.Ordinal))
            port = server == "flask run" ? 5000 : 8000; // the command's own default, stated by running it
        var trimmed = command.Trim();
        return new ServerCommandLine(trimmed.StartsWith("exec ", StringComparison.Ordinal) ? trimmed[5..].TrimStart() : trimmed, server, reference, port);
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*(\(\))?$")]
    private static partial Regex AppReferencePattern();

    [GeneratedRegex(@"(--port[ =]|-p |--http[ =]|--http-socket[ =]|(-b|--bind)[ =]+[""']?[^ :""']*:)[""']?\$?\{?(PORT:-)?(?<port>\d+)\b")]
    private static partial Regex PortPattern();
}
