using System.Globalization;
using Berth.Apps;
using Berth.Apps.Python;
using Berth.Apps.Python.Stated;

namespace Berth.Generation.Python;

/// <summary>
/// A flag the generated server command carries because the repository states it: the flag as Berth's server spells it, and the statement.
/// Overrides: the flag undoes the statement (a pid file moved to /tmp) rather than keeping it.
/// </summary>
public sealed record KeptServerFlag(string Flag, string? Value, StatedServerOption From, bool Overrides = false)
{
    public IEnumerable<string> Words => Value is null ? [Flag] : [Flag, Value];
}

/// <summary>
/// The server settings the repository states (<see cref="PythonFacts.ServerOptions"/>), translated for the server Berth runs
/// (uvicorn's <c>--timeout-keep-alive</c> is gunicorn's <c>--keep-alive</c>; <c>fastapi run --workers 4</c> is uvicorn's
/// <c>--workers 4</c>). Workers, timeout and graceful timeout replace Berth's own values; the rest are added. Settings that would break
/// the container's contract (log files, a pid file, daemon mode, a heartbeat folder on the read-only root filesystem) and settings the
/// server has no equivalent for are dropped, each with the reason in <see cref="Decisions"/>.
/// </summary>
public sealed record StatedServerFlags
{
    public static StatedServerFlags None { get; } = new();

    /// <summary>Flags added to Berth's command, in the order stated.</summary>
    public IReadOnlyList<KeptServerFlag> Added { get; init; } = [];

    /// <summary>The stated worker (process) count, when it replaces Berth's.</summary>
    public KeptServerFlag? Workers { get; init; }

    /// <summary>gunicorn's stated --timeout, when it replaces Berth's 30.</summary>
    public KeptServerFlag? Timeout { get; init; }

    /// <summary>The stated graceful stop, when it replaces Berth's 10 s (gunicorn --graceful-timeout, uvicorn --timeout-graceful-shutdown).</summary>
    public KeptServerFlag? GracefulTimeout { get; init; }

    /// <summary>gunicorn's stated --worker-class, when it replaces Berth's.</summary>
    public KeptServerFlag? WorkerClass { get; init; }

    /// <summary>One line per stated setting: kept (and as what), or dropped and why, with where the repository states it.</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];

    public int? WorkerCount => Workers is { Value: { } v } ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// <c>WEB_CONCURRENCY</c> when the stated worker count reads it: gunicorn and uvicorn both take their worker count from it, so the
    /// image sets it (<c>ENV WEB_CONCURRENCY=N</c>) and the command leaves <c>--workers</c> out, and a value set at run time still counts.
    /// </summary>
    public string? WorkersVariable => Workers?.From.Variable == ConcurrencyVariable ? ConcurrencyVariable : null;

    public const string ConcurrencyVariable = "WEB_CONCURRENCY";

    public int? GracefulSeconds => GracefulTimeout is { Value: { } v } ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    /// <summary>Every flag kept as stated (not the overrides), for the Dockerfile's header.</summary>
    public IEnumerable<KeptServerFlag> Kept => new[] { Workers, Timeout, GracefulTimeout, WorkerClass }.OfType<KeptServerFlag>().Concat(Added.Where(f => !f.Overrides));

    private static readonly HashSet<string> Numeric = ["workers", "threads", "timeout", "graceful-timeout", "keep-alive", "max-requests", "max-requests-jitter", "worker-connections", "limit-concurrency", "backlog"];

    private static readonly Dictionary<string, string> GunicornFlags = new(StringComparer.Ordinal)
    {
        ["threads"] = "--threads", ["keep-alive"] = "--keep-alive", ["max-requests"] = "--max-requests", ["max-requests-jitter"] = "--max-requests-jitter",
        ["worker-connections"] = "--worker-connections", ["backlog"] = "--backlog", ["forwarded-allow-ips"] = "--forwarded-allow-ips", ["preload"] = "--preload",
    };

    private static readonly Dictionary<string, string> UvicornFlags = new(StringComparer.Ordinal)
    {
        ["proxy-headers"] = "--proxy-headers", ["forwarded-allow-ips"] = "--forwarded-allow-ips", ["root-path"] = "--root-path",
        ["keep-alive"] = "--timeout-keep-alive", ["limit-concurrency"] = "--limit-concurrency", ["max-requests"] = "--limit-max-requests", ["backlog"] = "--backlog",
    };

    /// <summary>gunicorn's worker classes that need no package beyond gunicorn.</summary>
    private static readonly HashSet<string> BuiltInWorkerClasses = ["sync", "gthread", "gunicorn.workers.sync.SyncWorker", "gunicorn.workers.gthread.ThreadWorker"];

    /// <param name="server">The server Berth runs: gunicorn or uvicorn.</param>
    /// <param name="workersAsked">--workers given to <c>berth init</c>: it wins over the repository's count.</param>
    public static StatedServerFlags For(ServiceProfile profile, string server, int? workersAsked)
    {
        var stated = profile.PythonPart().ServerOptions;
        if (stated.Count == 0)
            return None;
        var asgi = profile.PythonPart().Interface == "asgi";
        var decisions = new List<string>();
        var added = new List<KeptServerFlag>();
        KeptServerFlag? workers = null, timeout = null, graceful = null, workerClass = null;

        void Drop(StatedServerOption option, string why) => decisions.Add($"drops {option.Shown} ({option.Server}, {option.Source}): {why}" +
            (FromOwnConfig(option) && option.Name is "daemon" or "log-config" ? "; gunicorn still reads it from gunicorn.conf.py and no flag undoes it: remove it there" : ""));

        // gunicorn reads ./gunicorn.conf.py by itself (the image's working folder holds the service's files): a setting dropped from the
        // command is still applied from there unless a flag overrides it.
        var ownConfig = RelativePath.Join(profile.Path, "gunicorn.conf.py");
        var readsOwnConfig = server == "gunicorn" && stated.Any(o => o.Source.StartsWith(ownConfig + ":", StringComparison.Ordinal));
        if (readsOwnConfig)
            decisions.Add($"gunicorn reads {PythonImagePlan.AppDirectory}/gunicorn.conf.py by itself ({ownConfig}): the command's flags override its settings; its hooks and other settings still apply");
        void Override(StatedServerOption option, string flag, string value, string why)
        {
            added.Add(new KeptServerFlag(flag, value, option, Overrides: true));
            decisions.Add($"overrides {option.Shown} ({option.Source}) with {flag} {value}: {why}, and gunicorn would still read it from gunicorn.conf.py");
        }
        bool FromOwnConfig(StatedServerOption option) => readsOwnConfig && option.Source.StartsWith(ownConfig + ":", StringComparison.Ordinal);

        foreach (var option in stated)
        {
            var value = option.Literal;
            if (option.Value is not null && value is null)
            {
                Drop(option, $"its value comes from ${option.Variable}, which has no default, and the exec-form command has no shell to read it; Berth's own value stays");
                continue;
            }
            if (value is not null && Numeric.Contains(option.Name) && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Drop(option, "not a whole number");
                continue;
            }
            var fromVariable = option.Variable switch
            {
                null => "",
                ConcurrencyVariable when option.Name == "workers" =>
                    $"; from ${ConcurrencyVariable} (default {value}), which {server} reads itself: the image sets ENV {ConcurrencyVariable}={value} and the command leaves --workers out, so a value set at run time still counts",
                var variable => $"; the repository reads it from ${variable} (default {value}): the exec-form command has no shell, so the default is written",
            };
            KeptServerFlag Keep(string flag, string? kept, string why)
            {
                var flagKept = new KeptServerFlag(flag, kept, option);
                var written = string.Join(' ', flagKept.Words);
                decisions.Add($"keeps {option.Shown} ({option.Server}, {option.Source}){(written == option.Shown ? "" : " as " + written)}: {why}{fromVariable}");
                return flagKept;
            }

            switch (option.Name)
            {
                case "access-logfile" or "error-logfile" when value == "-":
                    decisions.Add($"{option.Shown} ({option.Source}): stdout, as Berth's command logs already");
                    break;
                case "error-logfile" when FromOwnConfig(option):
                    Override(option, "--error-logfile", "-", "the container logs to stdout (the root filesystem is read-only)");
                    break;
                case "access-logfile" or "error-logfile":
                    Drop(option, "the container logs to stdout (the root filesystem is read-only), so Berth's '-' stays");
                    break;
                case "pid" when FromOwnConfig(option):
                    Override(option, "--pid", "/tmp/gunicorn.pid", "the root filesystem is read-only and /tmp is the writable tmpfs");
                    break;
                case "log-config":
                    Drop(option, ServerJsonLogging.Applies(profile)
                        ? "Berth writes its own JSON log config for the server"
                        : "its handlers may write files on the read-only root filesystem; the server logs to stdout");
                    break;
                case "pid":
                    Drop(option, "a pid file is for a process manager on a host; the container's process is PID 1 on a read-only root filesystem");
                    break;
                case "daemon":
                    Drop(option, "a daemonised server leaves the container with no foreground process");
                    break;
                case "workers" when workersAsked is not null && server == "gunicorn":
                    Drop(option, $"--workers {workersAsked} was asked for at init");
                    break;
                case "workers" when server == "uvicorn" && value == "1":
                    decisions.Add($"{option.Shown} ({option.Source}): one process, as Berth's uvicorn command runs");
                    break;
                case "workers":
                    workers = Keep("--workers", value, $"the repository's statement wins over {(server == "gunicorn" ? $"Berth's default ({GenerationOptions.DefaultWorkers})" : "one process per container")}; " +
                        $"{value} processes per container, so Kubernetes' CPU and memory requests are {value} × the per-process budget and the HPA adds replicas on top");
                    break;
                case "timeout" when server == "gunicorn":
                    timeout = Keep("--timeout", value, "replaces Berth's 30 s worker timeout");
                    break;
                case "graceful-timeout":
                    graceful = Keep(server == "gunicorn" ? "--graceful-timeout" : "--timeout-graceful-shutdown", value,
                        $"replaces Berth's {PythonImagePlan.GracefulTimeoutSeconds} s graceful stop (and the pod's termination grace period follows it)");
                    break;
                case "worker-tmp-dir" when value == "/dev/shm":
                    decisions.Add($"{option.Shown} ({option.Source}): as Berth's command (a tmpfs: the root filesystem is read-only)");
                    break;
                case "worker-tmp-dir" when server == "gunicorn":
                    Drop(option, "the root filesystem is read-only: the heartbeat files stay in /dev/shm (a tmpfs)");
                    break;
                case "worker-class" when server == "gunicorn":
                    if (WorkerClassProblem(profile, value!, asgi) is { } problem)
                        Drop(option, problem);
                    else if (asgi && value == "uvicorn.workers.UvicornWorker")
                        decisions.Add($"{option.Shown} ({option.Source}): Berth's worker class for an ASGI app already");
                    else
                        workerClass = Keep("--worker-class", value, "the repository's worker class");
                    break;
                case "worker-class" or "worker-tmp-dir" or "preload" or "worker-connections" when server == "uvicorn":
                    Drop(option, "a gunicorn worker setting: Berth runs uvicorn, which serves the app in its own processes");
                    break;
                case "threads" when server == "gunicorn" && asgi:
                    Drop(option, "threads apply to gunicorn's sync and gthread workers, not to the uvicorn worker an ASGI app runs on");
                    break;
                case "proxy-headers" when server == "gunicorn":
                    decisions.Add($"{option.Shown} ({option.Server}, {option.Source}) needs no flag under gunicorn: it reads X-Forwarded-* from the addresses in --forwarded-allow-ips " +
                        "(default 127.0.0.1, as uvicorn's --proxy-headers does); set forwarded-allow-ips to the proxy's addresses to trust it");
                    break;
                default:
                    var table = server == "gunicorn" ? GunicornFlags : UvicornFlags;
                    if (table.TryGetValue(option.Name, out var flag))
                        added.Add(Keep(flag, value, option.Server == server || (server == "uvicorn" && option.Server == "fastapi run") ? "as stated" : $"{option.Server}'s setting, as {server} spells it"));
                    else
                        Drop(option, $"{server} has no equivalent{(option.Name == "root-path" ? " (run --server uvicorn to keep it, or set the root path in the app)" : "")}");
                    break;
            }
        }

        return new StatedServerFlags { Added = added, Workers = workers, Timeout = timeout, GracefulTimeout = graceful, WorkerClass = workerClass, Decisions = decisions };
    }

    private static string? WorkerClassProblem(ServiceProfile profile, string workerClass, bool asgi)
    {
        if (BuiltInWorkerClasses.Contains(workerClass))
            return asgi ? "an ASGI app needs the uvicorn worker, which Berth's command names" : null;
        var package = workerClass.Split('.')[0].Replace('_', '-').ToLowerInvariant();
        package = package switch { "uvicorn" => "uvicorn", "uvicorn-worker" => "uvicorn-worker", _ => package };
        if (package == "uvicorn" && asgi)
            return null; // Berth installs uvicorn for the worker
        return profile.Dependencies.Contains(package) ? null : $"the worker class needs the {package} package, which the project does not depend on";
    }
}
