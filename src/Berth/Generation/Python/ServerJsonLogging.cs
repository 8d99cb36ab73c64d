using System.Text;
using Berth.Apps;

namespace Berth.Generation.Python;

/// <summary>
/// When the app logs JSON, the server's own lines (gunicorn's "Booting worker" and access lines, uvicorn's "Started server process" and
/// access lines) must be JSON too, or a log collector gets a mixed stream. Both servers take a logging config file with
/// <c>--log-config</c> (gunicorn since 19, uvicorn in every release; the INI format, which both read with <c>fileConfig</c> and
/// <c>disable_existing_loggers=False</c>): it sends the server's loggers to stdout through a small standard-library formatter module
/// that Berth writes into the venv. The app's own loggers are left as the app configures them.
/// The two files travel inside the Dockerfile (one single-quoted shell word per line, no BuildKit heredocs), so the build needs no
/// file beside the Dockerfile: with <c>--out</c> the Dockerfile is not in the build context. Both end up root-owned and read-only to
/// the service user.
/// </summary>
public static class ServerJsonLogging
{
    /// <summary>The logging config file in the image, given to the server with <c>--log-config</c>.</summary>
    public const string ConfigPath = "/etc/berth/server-logging.ini";

    /// <summary>The formatter module, written into the venv's site-packages so that <c>fileConfig</c> can import it from any folder.</summary>
    public const string ModuleName = "berth_json_logging";

    private const string Staging = "/berth";

    public static bool Applies(ServiceProfile profile) => profile.LogFormat == "json";

    /// <summary>The server arguments that load the config, or none when the app does not log JSON.</summary>
    public static IReadOnlyList<string> Arguments(ServiceProfile profile) => Applies(profile) ? ["--log-config", ConfigPath] : [];

    /// <summary>The decision <c>berth init</c> prints.</summary>
    public static string Decision(ServiceProfile profile, string server)
    {
        var evidence = profile.Evidence.FirstOrDefault(e => e.Fact.StartsWith("log format", StringComparison.Ordinal));
        var where = evidence is null ? "" : $" ({evidence.File}:{evidence.Line})";
        var lines = server == "gunicorn" ? "gunicorn's error and access lines (\"Booting worker\", and uvicorn's through its worker)" : "uvicorn's startup and access lines";
        return $"the app logs JSON{where}, so {lines} are JSON on stdout too: --log-config {ConfigPath}, " +
               $"a standard-library formatter ({ModuleName}.JsonFormatter) written into the venv; the app's own loggers stay as it configures them";
    }

    /// <summary>The INI logging config for <paramref name="server"/>: its loggers to stdout as JSON, the root logger untouched but for its handlers (none).</summary>
    public static IReadOnlyList<string> ConfigLines(string server)
    {
        // Each logger section says handlers, propagate and qualname: gunicorn passes its own defaults to fileConfig, and a key a
        // section leaves out would be read from them.
        IReadOnlyList<(string Key, string Name, string? Level, bool Handler)> loggers = server == "gunicorn"
            ?
            [
                // no level: gunicorn's --log-level keeps setting it
                ("gunicorn_error", "gunicorn.error", null, true),
                ("gunicorn_access", "gunicorn.access", null, true),
            ]
            :
            [
                ("uvicorn", "uvicorn", "INFO", true),
                ("uvicorn_error", "uvicorn.error", "INFO", false),
                ("uvicorn_access", "uvicorn.access", "INFO", true),
            ];
        var lines = new List<string>
        {
            $"# The log lines of {server} itself as JSON on stdout, written by berth init (the app logs JSON).",
            $"# Read with --log-config; the formatter is {ModuleName}.py in the venv (standard library only).",
            "[loggers]",
            "keys=root," + string.Join(',', loggers.Select(l => l.Key)),
            "",
            "[handlers]",
            "keys=stdout",
            "",
            "[formatters]",
            "keys=json",
            "",
            "[logger_root]",
            "handlers=",
        };
        foreach (var (key, name, level, handler) in loggers)
        {
            lines.Add("");
            lines.Add($"[logger_{key}]");
            if (level is not null)
                lines.Add("level=" + level);
            lines.Add("handlers=" + (handler ? "stdout" : ""));
            lines.Add("propagate=" + (handler ? "0" : "1"));
            lines.Add("qualname=" + name);
        }
        lines.AddRange(
        [
            "",
            "[handler_stdout]",
            "class=StreamHandler",
            "formatter=json",
            "args=(sys.stdout,)",
            "",
            "[formatter_json]",
            $"class={ModuleName}.JsonFormatter",
        ]);
        return lines;
    }

    /// <summary>
    /// The formatter module: one JSON object per record (time, level, logger, pid, message), the request of an access line as fields,
    /// the traceback when there is one. Written with double quotes and no backslashes, so each line is one single-quoted shell word.
    /// </summary>
    public static readonly IReadOnlyList<string> ModuleLines =
    [
        "\"\"\"Log lines of the server itself (gunicorn, uvicorn) as JSON objects, written by berth init: standard library only.\"\"\"",
        "import datetime",
        "import json",
        "import logging",
        "",
        "",
        "class JsonFormatter(logging.Formatter):",
        "    def format(self, record):",
        "        entry = {",
        "            \"time\": datetime.datetime.fromtimestamp(record.created, datetime.timezone.utc).isoformat(timespec=\"milliseconds\"),",
        "            \"level\": record.levelname.lower(),",
        "            \"logger\": record.name,",
        "            \"pid\": record.process,",
        "            \"message\": record.getMessage(),",
        "        }",
        "        request = access_fields(record)",
        "        if request:",
        "            entry[\"http\"] = request",
        "        if record.exc_info:",
        "            entry[\"exception\"] = self.formatException(record.exc_info)",
        "        if record.stack_info:",
        "            entry[\"stack\"] = self.formatStack(record.stack_info)",
        "        return json.dumps(entry, default=str)",
        "",
        "",
        "def access_fields(record):",
        "    \"\"\"The request of an access line: uvicorn logs (client, method, path, HTTP version, status), gunicorn a dict of its atoms.\"\"\"",
        "    args = record.args",
        "    if record.name == \"uvicorn.access\" and isinstance(args, tuple) and len(args) == 5:",
        "        client, method, path, version, status = args",
        "        return {\"client\": client, \"method\": method, \"path\": path, \"version\": version, \"status\": status}",
        "    if record.name == \"gunicorn.access\" and isinstance(args, dict):",
        "        status = str(args.get(\"s\", \"\"))",
        "        return {\"client\": args.get(\"h\"), \"method\": args.get(\"m\"), \"path\": args.get(\"U\"),",
        "                \"status\": int(status) if status.isdigit() else status}",
        "    return None",
    ];

    /// <summary>
    /// The builder step that writes both files: the module into the venv's site-packages (found by asking the venv's own Python, so it
    /// follows the PYTHON_VERSION argument), the config into a staging folder the runtime copies from.
    /// </summary>
    public static void BuilderStep(StringBuilder text, ServiceProfile profile, string server)
    {
        if (!Applies(profile))
            return;
        text.Append("# The app logs JSON: ").Append(server).Append("'s own lines go through a JSON formatter too (--log-config ").Append(ConfigPath).Append(").\n");
        text.Append("RUN mkdir -p ").Append(Staging).Append(" && printf '%s\\n' \\\n");
        foreach (var line in ConfigLines(server))
            text.Append("    '").Append(line).Append("' \\\n");
        text.Append("    > ").Append(Staging).Append("/server-logging.ini \\\n");
        text.Append(" && printf '%s\\n' \\\n");
        foreach (var line in ModuleLines)
            text.Append("    '").Append(line).Append("' \\\n");
        text.Append("    > \"$(python -c 'import sysconfig; print(sysconfig.get_paths()[\"purelib\"])')/").Append(ModuleName).Append(".py\"\n");
    }

    /// <summary>The runtime's copy of the config (the module came with the venv): root-owned, so the service user can read it, not change it.</summary>
    public static void RuntimeStep(StringBuilder text, ServiceProfile profile)
    {
        if (!Applies(profile))
            return;
        text.Append("COPY --from=builder ").Append(Staging).Append("/server-logging.ini ").Append(ConfigPath).Append('\n');
    }
}
