using System.Text;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// Reads the options of a server command line (gunicorn, uvicorn, <c>fastapi run</c>, hypercorn, granian) into named settings
/// (<see cref="StatedServerOption"/> names). Only the options worth carrying into a container's command, and those Berth must
/// replace (log files, pid file, daemon mode), are read; bind, host and port are the port's business (<see cref="ServerCommandLine"/>).
/// </summary>
public static class ServerOptionParser
{
    /// <summary>Settings that take no value.</summary>
    private static readonly HashSet<string> Switches = ["proxy-headers", "preload", "daemon"];

    private static readonly Dictionary<string, string> Gunicorn = new(StringComparer.Ordinal)
    {
        ["-w"] = "workers", ["--workers"] = "workers", ["--threads"] = "threads", ["-t"] = "timeout", ["--timeout"] = "timeout",
        ["--graceful-timeout"] = "graceful-timeout", ["--keep-alive"] = "keep-alive", ["--max-requests"] = "max-requests",
        ["--max-requests-jitter"] = "max-requests-jitter", ["-k"] = "worker-class", ["--worker-class"] = "worker-class",
        ["--worker-tmp-dir"] = "worker-tmp-dir", ["--worker-connections"] = "worker-connections", ["--backlog"] = "backlog",
        ["--forwarded-allow-ips"] = "forwarded-allow-ips", ["--preload"] = "preload", ["--access-logfile"] = "access-logfile",
        ["--error-logfile"] = "error-logfile", ["--log-file"] = "error-logfile", ["--log-config"] = "log-config",
        ["-p"] = "pid", ["--pid"] = "pid", ["-D"] = "daemon", ["--daemon"] = "daemon",
    };

    private static readonly Dictionary<string, string> Uvicorn = new(StringComparer.Ordinal)
    {
        ["--workers"] = "workers", ["--proxy-headers"] = "proxy-headers", ["--forwarded-allow-ips"] = "forwarded-allow-ips",
        ["--root-path"] = "root-path", ["--timeout-keep-alive"] = "keep-alive", ["--timeout-graceful-shutdown"] = "graceful-timeout",
        ["--limit-concurrency"] = "limit-concurrency", ["--limit-max-requests"] = "max-requests", ["--backlog"] = "backlog",
        ["--log-config"] = "log-config",
    };

    private static readonly Dictionary<string, string> FastApiRun = new(StringComparer.Ordinal)
    {
        ["--workers"] = "workers", ["--proxy-headers"] = "proxy-headers", ["--forwarded-allow-ips"] = "forwarded-allow-ips", ["--root-path"] = "root-path",
    };

    private static readonly Dictionary<string, string> Hypercorn = new(StringComparer.Ordinal)
    {
        ["-w"] = "workers", ["--workers"] = "workers", ["--root-path"] = "root-path", ["--keep-alive"] = "keep-alive",
        ["--graceful-timeout"] = "graceful-timeout", ["--backlog"] = "backlog", ["--max-requests"] = "max-requests",
        ["--log-config"] = "log-config", ["--access-logfile"] = "access-logfile", ["--error-logfile"] = "error-logfile", ["--pid"] = "pid",
    };

    private static readonly Dictionary<string, string> Granian = new(StringComparer.Ordinal)
    {
        ["--workers"] = "workers", ["--backlog"] = "backlog", ["--url-path-prefix"] = "root-path",
    };

    /// <summary>The settings <paramref name="server"/> reads from <paramref name="command"/>, in the order written; a later repeat wins.</summary>
    public static IReadOnlyList<(string Name, string? Value)> Parse(string server, string command)
    {
        var table = TableFor(server);
        var words = Words(command);
        var start = ServerIndex(words, server);
        if (table is null || start < 0)
            return [];
        var options = new List<(string Name, string? Value)>();
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            var flag = word;
            string? value = null;
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (word.StartsWith("--", StringComparison.Ordinal) && equals > 0)
                (flag, value) = (word[..equals], word[(equals + 1)..]);
            else if (word.Length > 2 && word[0] == '-' && word[1] != '-' && table.ContainsKey(word[..2]))
                (flag, value) = (word[..2], word[2..]); // gunicorn's -w4
            if (!table.TryGetValue(flag, out var name))
                continue;
            if (Switches.Contains(name))
                value = null;
            else if (value is null)
            {
                if (i + 1 >= words.Count)
                    break;
                value = words[++i];
            }
            options.RemoveAll(o => o.Name == name);
            options.Add((name, value));
        }
        return options;
    }

    /// <summary>
    /// Whether the command starts a development server: <c>--reload</c>, <c>flask run --debug</c>, <c>fastapi dev</c>. Its flags are not a
    /// statement about production.
    /// </summary>
    public static bool IsDevelopment(string command)
    {
        var words = Words(command);
        return words.Any(w => w is "--reload" or "--debug" or "--debugger" || w.StartsWith("--reload=", StringComparison.Ordinal) || w.StartsWith("--reload-", StringComparison.Ordinal))
            || words.Zip(words.Skip(1)).Any(p => Path.GetFileName(p.First) == "fastapi" && p.Second == "dev");
    }

    private static Dictionary<string, string>? TableFor(string server) => server switch
    {
        "gunicorn" => Gunicorn,
        "uvicorn" => Uvicorn,
        "fastapi run" => FastApiRun,
        "hypercorn" => Hypercorn,
        "granian" => Granian,
        _ => null,
    };

    private static int ServerIndex(List<string> words, string server)
    {
        var name = server.Split(' ')[0];
        for (var i = 0; i < words.Count; i++)
        {
            if (Path.GetFileName(words[i]) == name && (server == name || (i + 1 < words.Count && words[i + 1] == "run")))
                return server == name ? i : i + 1;
        }
        return -1;
    }

    /// <summary>
    /// The words of a command as a shell (or a Dockerfile's exec form, <c>["a", "b"]</c>) splits them: quotes removed, a quoted value
    /// kept whole (<c>--forwarded-allow-ips="10.0.0.1,10.0.0.2"</c>).
    /// </summary>
    public static List<string> Words(string command)
    {
        var text = command.Trim();
        var exec = text.StartsWith('[') && text.EndsWith(']');
        if (exec)
            text = text[1..^1];
        var words = new List<string>();
        var current = new StringBuilder();
        var any = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < text.Length)
                    current.Append(text[++i]);
                else
                    current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c) || (exec && c == ','))
            {
                if (any || current.Length > 0)
                    words.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else
                current.Append(c);
        }
        if (any || current.Length > 0)
            words.Add(current.ToString());
        return words;
    }
}
