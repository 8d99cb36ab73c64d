using System.Globalization;
using Berth.Verification.Engine;
using Berth.Verification.Running;

namespace Berth.Verification.Checks;

/// <summary>Checks of the running container, from what the engine and the probes observed.</summary>
public static class RunChecks
{
    public static CheckResult StartsReadOnly(ContainerState? state, TimeSpan observedFor, string logTail, IReadOnlyList<string>? writablePaths = null)
    {
        var tmpfs = string.Concat((writablePaths ?? []).Select(p => $" --tmpfs {p} (the app writes there, from berth scan; owned by the image's user)"));
        var evidence = new List<string> { $"docker run --read-only --tmpfs /tmp{tmpfs} --security-opt no-new-privileges (no --cap-add, no --privileged)" };
        if (logTail.Length > 0)
            evidence.Add(logTail);
        if (state is { Running: true })
            return CheckResult.Pass(VerifyCheck.StartsReadOnly, $"running after {Seconds(observedFor)} with a read-only root filesystem", evidence);
        var how = state is null ? "the container is gone" : state.Describe();
        return CheckResult.Fail(VerifyCheck.StartsReadOnly,
            $"the container stopped within {Seconds(observedFor)} ({how}): does the app write outside /tmp, or need configuration it was not given?", evidence);
    }

    public static CheckResult HealthGet(IReadOnlyList<HealthAnswer> answers, TimeSpan firstOkAfter, TimeSpan timeout)
    {
        if (answers.Count == 0)
            return CheckResult.Skip(VerifyCheck.HealthGet, "no health route known (the app declares none and the image has no HEALTHCHECK URL)");
        var evidence = answers.Select(a => $"GET {a.Path} → {Show(a.Get)}").ToList();
        var failed = answers.Where(a => a.Get != 200).ToList();
        if (failed.Count == 0)
            return CheckResult.Pass(VerifyCheck.HealthGet, $"{string.Join(", ", answers.Select(a => a.Path))} answered 200 (first after {Seconds(firstOkAfter)})", evidence);
        var first = failed[0];
        var detail = first.Get is null
            ? $"GET {first.Path} got no answer within {Seconds(timeout)}"
            : $"GET {first.Path} answered {first.Get}, expected 200";
        return CheckResult.Fail(VerifyCheck.HealthGet, detail, evidence);
    }

    public static CheckResult HealthHead(IReadOnlyList<HealthAnswer> answers)
    {
        if (answers.Count == 0)
            return CheckResult.Skip(VerifyCheck.HealthHead, "no health route known");
        var evidence = answers.Select(a => $"HEAD {a.Path} → {Show(a.Head)} (declared methods: {string.Join(", ", a.DeclaredMethods)})").ToList();
        var declared = answers.Where(a => a.DeclaresHead).ToList();
        var wrong = declared.Where(a => a.Head != 200).ToList();
        if (wrong.Count > 0)
            return CheckResult.Fail(VerifyCheck.HealthHead, $"HEAD {wrong[0].Path} answered {Show(wrong[0].Head)} although the app declares HEAD", evidence);
        var undeclared = answers.Where(a => !a.DeclaresHead).ToList();
        if (declared.Count == 0)
        {
            return CheckResult.Skip(VerifyCheck.HealthHead,
                $"the app does not declare HEAD on {string.Join(", ", undeclared.Select(a => a.Path))} (answered {string.Join(", ", undeclared.Select(a => Show(a.Head)))}): "
                + "Kubernetes probes use GET, but uptime monitors that send HEAD will see it as down", evidence);
        }
        var note = undeclared.Count == 0 ? "" : $"; {string.Join(", ", undeclared.Select(a => a.Path))} declare GET only";
        return CheckResult.Pass(VerifyCheck.HealthHead, $"HEAD answered 200 on {string.Join(", ", declared.Select(a => a.Path))}{note}", evidence);
    }

    public static CheckResult ProcessUser(IReadOnlyList<ContainerProcess> processes, int? declaredUid)
    {
        if (processes.Count == 0)
            return CheckResult.Fail(VerifyCheck.ProcessUser, "no process listed in the container (did it exit?)");
        var evidence = processes.Select(p => $"pid {p.Pid} uid {p.User}: {TextClip.Shorten(p.Arguments, 80)}").ToList();
        var root = processes.Where(p => p.Uid == 0).ToList();
        if (root.Count > 0)
            return CheckResult.Fail(VerifyCheck.ProcessUser, $"{root.Count} of {processes.Count} processes run as root (uid 0)", evidence);
        if (declaredUid is { } uid && processes.Any(p => p.Uid != uid))
        {
            var others = processes.Where(p => p.Uid != uid).Select(p => p.User).Distinct(StringComparer.Ordinal);
            return CheckResult.Fail(VerifyCheck.ProcessUser, $"processes run as {string.Join(", ", others)}, not the declared uid {uid}", evidence);
        }
        var uids = string.Join(", ", processes.Select(p => p.User).Distinct(StringComparer.Ordinal));
        return CheckResult.Pass(VerifyCheck.ProcessUser, $"{processes.Count} process{(processes.Count == 1 ? "" : "es")}, all uid {uids}", evidence);
    }

    public static CheckResult JsonLogs(bool appClaimsJson, string claimSource, LogLines stdout)
    {
        var ratio = string.Create(CultureInfo.InvariantCulture, $"{stdout.Json} of {stdout.Total} stdout lines are JSON ({stdout.Ratio:P0})");
        var evidence = stdout.FirstNonJson.Select(l => "not JSON: " + l).ToList();
        if (!appClaimsJson)
            return CheckResult.Skip(VerifyCheck.JsonLogs, $"the app does not configure JSON logging; {ratio}", evidence);
        if (stdout.Total == 0)
            return CheckResult.Skip(VerifyCheck.JsonLogs, $"the app configures JSON logging ({claimSource}) but printed nothing on stdout while verified");
        return CheckResult.Of(VerifyCheck.JsonLogs, stdout.Json == stdout.Total, $"the app configures JSON logging ({claimSource}); {ratio}", evidence);
    }

    public static CheckResult GunicornWorkers(ServerCommandLine server, IReadOnlyList<ContainerProcess> processes, string serverLog, string? configFile = null)
    {
        if (!server.IsGunicorn)
            return CheckResult.Skip(VerifyCheck.GunicornWorkers, "the image does not run gunicorn");
        var expected = server.Workers ?? ServerCommandLine.GunicornDefaultWorkers;
        var workers = GunicornWorkerPids(processes);
        var booted = serverLog.Split('\n').Count(l => l.Contains("Booting worker with pid", StringComparison.Ordinal));
        var evidence = new List<string> { $"expected {expected} from {server.Source}", $"{workers.Count} worker processes under the gunicorn master", $"{booted} \"Booting worker with pid\" log lines" };
        if (configFile is not null)
            evidence.Add($"{configFile} is in the image: gunicorn reads it, and its settings win over WEB_CONCURRENCY (the command line wins over both)");
        if (workers.Count == expected)
            return CheckResult.Pass(VerifyCheck.GunicornWorkers, $"{expected} worker{(expected == 1 ? "" : "s")} booted, as {server.Source} asks", evidence);
        var why = configFile is not null && !server.Source.StartsWith("--", StringComparison.Ordinal) ? $"; {configFile} probably sets workers" : "";
        return CheckResult.Fail(VerifyCheck.GunicornWorkers, $"{workers.Count} workers running, expected {expected} ({server.Source}){why}", evidence);
    }

    /// <summary>Host pids of gunicorn workers: the gunicorn processes whose parent is the gunicorn master (the gunicorn process whose parent is not gunicorn).</summary>
    public static IReadOnlyList<int> GunicornWorkerPids(IReadOnlyList<ContainerProcess> processes)
    {
        var gunicorn = processes.Where(p => p.Arguments.Contains("gunicorn", StringComparison.Ordinal)).ToList();
        var pids = gunicorn.Select(p => p.Pid).ToHashSet();
        var masters = gunicorn.Where(p => !pids.Contains(p.ParentPid)).Select(p => p.Pid).ToHashSet();
        return [.. gunicorn.Where(p => masters.Contains(p.ParentPid)).Select(p => p.Pid).Order()];
    }

    public static CheckResult GracefulStop(TimeSpan elapsed, int graceSeconds, string graceSource, ContainerState? state)
    {
        var evidence = new List<string> { $"docker stop -t {graceSeconds} took {Seconds(elapsed)}", state is null ? "container state unknown" : $"state after stop: {state.Describe()}" };
        if (state is null)
            return CheckResult.Fail(VerifyCheck.GracefulStop, "could not read the container's exit state after stop", evidence);
        if (state.ExitCode == 137 || elapsed.TotalSeconds >= graceSeconds)
        {
            return CheckResult.Fail(VerifyCheck.GracefulStop,
                $"SIGTERM did not stop it within {graceSeconds} s ({graceSource}); it was killed (exit {state.ExitCode}) — is PID 1 a shell, or does the app ignore SIGTERM?",
                evidence);
        }
        if (state.ExitCode is not (0 or 143))
            return CheckResult.Fail(VerifyCheck.GracefulStop, $"stopped in {Seconds(elapsed)} but exited {state.ExitCode} (expected 0 or 143)", evidence);
        return CheckResult.Pass(VerifyCheck.GracefulStop, $"stopped in {Seconds(elapsed)} with exit code {state.ExitCode} (grace {graceSeconds} s, {graceSource})", evidence);
    }

    internal static string Show(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? "no answer";

    internal static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
