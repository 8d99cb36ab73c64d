using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// gunicorn settings stated outside a command line: assignments in <c>gunicorn.conf.py</c> / <c>gunicorn.conf</c>
/// (<c>workers = 2</c>, <c>timeout = 120</c>, <c>forwarded_allow_ips = "*"</c>), and <c>GUNICORN_CMD_ARGS</c> /
/// <c>WEB_CONCURRENCY</c> set by the repository's Dockerfile. A value computed in Python is not read, but for
/// <c>os.environ.get("X", 2)</c>, which keeps its variable form (<c>${X:-2}</c>).
/// </summary>
public static partial class GunicornSettingsReader
{
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        ["workers"] = "workers", ["threads"] = "threads", ["timeout"] = "timeout", ["graceful_timeout"] = "graceful-timeout",
        ["keepalive"] = "keep-alive", ["max_requests"] = "max-requests", ["max_requests_jitter"] = "max-requests-jitter",
        ["worker_class"] = "worker-class", ["worker_tmp_dir"] = "worker-tmp-dir", ["worker_connections"] = "worker-connections",
        ["backlog"] = "backlog", ["forwarded_allow_ips"] = "forwarded-allow-ips", ["preload_app"] = "preload",
        ["accesslog"] = "access-logfile", ["errorlog"] = "error-logfile", ["logconfig"] = "log-config", ["pidfile"] = "pid", ["daemon"] = "daemon",
    };

    public static bool IsConfigFile(string lowerName) => lowerName is "gunicorn.conf.py" or "gunicorn_conf.py" or "gunicorn.config.py" or "gunicorn.conf";

    /// <summary>The settings a gunicorn config file assigns at its top level, each with its line.</summary>
    public static IReadOnlyList<StatedServerOption> ReadConfig(string file, string text)
    {
        var options = new List<StatedServerOption>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Assignment().Match(lines[i]);
            if (!match.Success || !ConfigNames.TryGetValue(match.Groups["name"].Value, out var name))
                continue;
            var value = Value(match.Groups["value"].Value.Trim());
            if (value is null)
                continue;
            if (name is "preload" or "daemon")
            {
                if (value == "True")
                    options.Add(new StatedServerOption(name, null, "gunicorn", $"{file}:{i + 1}"));
                continue;
            }
            options.RemoveAll(o => o.Name == name);
            options.Add(new StatedServerOption(name, value, "gunicorn", $"{file}:{i + 1}"));
        }
        return options;
    }

    /// <summary>The settings a Dockerfile's <c>ENV</c> argument gives gunicorn: <c>GUNICORN_CMD_ARGS</c>'s flags and <c>WEB_CONCURRENCY</c> (workers).</summary>
    public static IReadOnlyList<StatedServerOption> ReadEnv(string file, int line, string argument)
    {
        var options = new List<StatedServerOption>();
        if (CommandArgs().Match(argument) is { Success: true } args)
        {
            foreach (var (name, value) in ServerOptionParser.Parse("gunicorn", "gunicorn " + args.Groups["value"].Value))
                options.Add(new StatedServerOption(name, value, "gunicorn", $"{file}:{line}"));
        }
        return options;
    }

    /// <summary><c>WEB_CONCURRENCY</c> as the Dockerfile sets it: the worker count gunicorn and uvicorn take when no flag says one.</summary>
    public static StatedServerOption? ReadConcurrency(string file, int line, string argument) =>
        WebConcurrency().Match(argument) is { Success: true } m ? new StatedServerOption("workers", $"${{WEB_CONCURRENCY:-{m.Groups["value"].Value}}}", "WEB_CONCURRENCY", $"{file}:{line}") : null;

    private static string? Value(string python)
    {
        python = Comment().Replace(python, "").Trim();
        if (Integer().IsMatch(python) || python is "True" or "False")
            return python;
        if (StringLiteral().Match(python) is { Success: true } text)
            return text.Groups["text"].Value;
        if (EnvironmentRead().Match(python) is { Success: true } env)
            return $"${{{env.Groups["name"].Value}:-{env.Groups["default"].Value}}}";
        return null; // computed (multiprocessing.cpu_count() * 2 + 1): not a statement Berth can carry
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)\s*=\s*(?<value>.+)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^(?<q>[""'])(?<text>[^""']*)\k<q>$")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^(?:int\()?\s*os\.(?:environ\.get|getenv)\(\s*[""'](?<name>[A-Za-z_]\w*)[""']\s*,\s*[""']?(?<default>[^""')]+)[""']?\s*\)\s*\)?$")]
    private static partial Regex EnvironmentRead();

    [GeneratedRegex(@"\bGUNICORN_CMD_ARGS[= ](?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>\S+))")]
    private static partial Regex CommandArgs();

    [GeneratedRegex(@"\bWEB_CONCURRENCY[= ]""?(?<value>\d+)")]
    private static partial Regex WebConcurrency();
}
