using System.Text.RegularExpressions;

namespace Berth.Apps.Python;

/// <summary>The <c>web:</c> process of a Procfile: the server, the module:attr it serves and the port it binds, when literal.</summary>
public sealed partial record ProcfileWeb(string Command, string? Server, string? AppReference, int? Port, string File, int Line)
{
    public static ProcfileWeb? Read(string relativePath, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("web:", StringComparison.Ordinal))
                continue;
            var command = line[4..].Trim();
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? server = null;
            foreach (var word in words)
            {
                var name = Path.GetFileName(word);
                if (name is "uvicorn" or "gunicorn" or "hypercorn" or "daphne" or "waitress-serve")
                {
                    server = name;
                    break;
                }
            }
            var reference = words.FirstOrDefault(w => AppReferencePattern().IsMatch(w) && !w.Contains("workers.", StringComparison.Ordinal));
            int? port = null;
            var portMatch = PortPattern().Match(command);
            if (portMatch.Success && int.TryParse(portMatch.Groups["port"].Value, out var p))
                port = p;
            return new ProcfileWeb(command, server, reference, port, relativePath, i + 1);
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*(\(\))?$")]
    private static partial Regex AppReferencePattern();

    [GeneratedRegex(@"(--port[ =]|-p |(-b|--bind)[ =][^ :]*:)\$?\{?(PORT:-)?(?<port>\d+)")]
    private static partial Regex PortPattern();
}
