using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Berth.Apps;
using Berth.Verification.Checks;
using Berth.Verification.Engine;
using Berth.Verification.Images;
using Berth.Verification.Running;

namespace Berth.Verification;

/// <summary>
/// <c>berth verify</c>: build (or take) the image, read its config and layers, run it the way production would (read-only, non-root,
/// no added capabilities, published on 127.0.0.1 only), probe it, stop it, and remove everything it created — also when a check fails,
/// the run times out or the user presses Ctrl-C.
/// </summary>
public sealed partial class VerifyRun(ContainerEngine engine, IVerifyProgress progress)
{
    public const string RunLabel = "berth.verify.run";
    private static readonly TimeSpan RespawnTimeout = TimeSpan.FromSeconds(30);
    private const int DefaultGraceSeconds = 10;

    /// <summary>Set to <c>save</c> to read the layers through <c>docker save</c> even where the engine's storage is readable.</summary>
    public const string LayerSourceVariable = "BERTH_VERIFY_LAYERS";

    /// <summary>Thrown when no engine answers: the CLI turns it into exit code 2 with the reason.</summary>
    public sealed class EngineUnavailableException(string message) : Exception(message);

    public async Task<VerifyReport> ExecuteAsync(VerifyOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var target = VerifyTarget.Resolve(options);
        var envFile = options.EnvFile is null ? null : EnvFile.Read(options.EnvFile);
        progress.Step($"asking {engine.Executable} for its version");
        var bridgeTask = engine.HasBridgeNetworkAsync(cancellationToken); // asked beside the version: one round trip less before the build
        var (version, engineDetail) = await engine.ProbeAsync(cancellationToken);
        if (version is null)
        {
            await Task.WhenAny(bridgeTask);
            throw new EngineUnavailableException($"no container engine answers ({engineDetail}); start Docker or Podman, or set DOCKER_HOST");
        }

        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [RunLabel] = runId };
        var ledger = new ResourceLedger(engine);
        var checks = new List<CheckResult>();
        var environment = EnvironmentPlan.Build(target.Profile?.Env ?? [], options.Environment, envFile?.Values.Keys.ToHashSet(StringComparer.Ordinal) ?? []);
        var dotenvSecrets = DotenvSecrets.Find([.. new[] { options.AppPath, target.BuildContext }.OfType<string>()], envFile, options.EnvFile);
        var redactor = new Redactor([.. SecretValues(environment, options, envFile), .. dotenvSecrets.Select(s => s.Value)]);
        ImageFacts? facts = null;
        Task<ImageFacts>? layersTask = null;
        string imageReference = options.Image ?? "";
        try
        {
            var hostNetwork = !await bridgeTask;
            if (options.Image is null)
            {
                imageReference = $"berth-verify/{TagName(target.Name)}:{runId}";
                ledger.AddImage(imageReference);
                var built = await BuildAsync(target, imageReference, labels, hostNetwork, options.BuildTimeout, cancellationToken);
                checks.Add(built);
                if (built.Status == CheckStatus.Fail)
                    return await Finish(imageReference, 0, checks, null, null, environment, engineDetail, clock, redactor, ledger, options, labels, target.Notes);
            }
            else
            {
                checks.Add(CheckResult.Skip(VerifyCheck.Build, $"--image {options.Image}: nothing to build"));
            }

            progress.Step("reading the image's config; its layers are read while the container runs");
            var inspection = await InspectAsync(imageReference, cancellationToken);
            var configOnly = new ImageFacts(imageReference, inspection, [], 0, target.BaseImage);
            layersTask = ReadLayersAsync(imageReference, inspection, target.BaseImage, cancellationToken);

            var runChecks = new List<CheckResult>();
            var deferred = new List<Func<ImageFacts, CheckResult>>();
            await RunPhaseAsync(configOnly, layersTask, target.Profile, environment, options, labels, runId, hostNetwork, ledger, runChecks, deferred, cancellationToken);
            progress.Step("checking the image's files and config");
            facts = await layersTask;
            runChecks.AddRange(deferred.Select(judge => judge(facts)));
            var score = LayerEfficiency.Compute(facts.Layers);
            checks.Add(ImageChecks.Size(facts, options.SizeBudgetBytes));
            checks.Add(ImageChecks.Efficiency(score));
            checks.Add(FileChecks.Dotenv(facts));
            checks.Add(FileChecks.VcsOrCaches(facts));
            checks.Add(FileChecks.Tests(facts));
            checks.Add(FileChecks.BuildTools(facts));
            checks.Add(FileChecks.ShellOnDistroless(facts));
            checks.Add(ConfigChecks.NonRootUser(facts));
            checks.Add(ConfigChecks.ExecEntrypoint(facts));
            checks.Add(ConfigChecks.ExposedPort(facts, AppPort(facts, target.Profile)));
            checks.Add(ConfigChecks.SecretEnv(facts));
            checks.Add(ConfigChecks.OciLabels(facts));
            checks.Add(ConfigChecks.DotenvValues(facts, dotenvSecrets));
            if (!runChecks.Any(c => c.Id == VerifyCheck.HealthcheckCommand.Id))
                checks.Add(HealthcheckChecks.Static(facts));
            checks.AddRange(runChecks);
            return await Finish(imageReference, facts.Inspection.Size, checks, facts, score, environment, engineDetail, clock, redactor, ledger, options, labels,
                [.. target.Notes, $"image layers {facts.LayerSource}"]);
        }
        finally
        {
            // Runs on every path out (including exceptions and Ctrl-C); Finish has already cleaned up on the normal paths.
            // A layer read still streaming `docker save` must end before the image goes.
            if (layersTask is not null)
                await Task.WhenAny(layersTask);
            await ledger.CleanupAsync(keepImages: options.Keep || options.Image is not null);
        }
    }

    private async Task<VerifyReport> Finish(
        string image, long size, List<CheckResult> checks, ImageFacts? facts, LayerEfficiencyScore? efficiency, EnvironmentPlan environment, string engineDetail, Stopwatch clock,
        Redactor redactor, ResourceLedger ledger, VerifyOptions options, Dictionary<string, string> labels, IReadOnlyList<string> notes)
    {
        progress.Step("removing what verify created");
        var keepImage = options.Keep || options.Image is not null;
        var problems = await ledger.CleanupAsync(keepImage);
        var label = $"{RunLabel}={labels[RunLabel]}";
        var leftContainersTask = engine.ContainersWithLabelAsync(label, CancellationToken.None);
        var leftImages = keepImage ? [] : await engine.ImagesWithLabelAsync(label, CancellationToken.None);
        var leftContainers = await leftContainersTask;
        var evidence = problems.Concat(leftContainers.Select(c => "container left: " + c)).Concat(leftImages.Select(i => "image left: " + i)).ToList();
        checks.Add(CheckResult.Of(VerifyCheck.Cleanup, leftContainers.Count == 0 && leftImages.Count == 0,
            leftContainers.Count + leftImages.Count == 0
                ? $"no container{(keepImage ? "" : " or image")} labelled {label} left" + (options.Keep && options.Image is null ? $"; image {image} kept (--keep)" : "")
                : $"{leftContainers.Count} containers and {leftImages.Count} images labelled {label} are still there",
            evidence));

        var ordered = VerifyCheck.All
            .Select(c => checks.LastOrDefault(r => r.Id == c.Id) ?? CheckResult.Skip(c, SkipReason(checks)))
            .Select(redactor.Apply)
            .ToList();
        return new VerifyReport
        {
            Image = image,
            SizeBytes = size,
            Checks = ordered,
            Layers = facts is null ? [] : [.. facts.Layers.Select(l => new LayerSummary(l.Index, l.Size, redactor.Apply(l.CreatedBy), l.Index < facts.BaseLayerCount))],
            Efficiency = efficiency,
            InventedEnvironment = environment.Invented,
            Engine = engineDetail,
            Elapsed = clock.Elapsed,
            Notes = [.. notes.Select(redactor.Apply)],
        };
    }

    private static string SkipReason(List<CheckResult> checks) =>
        checks.FirstOrDefault(c => c.Id == VerifyCheck.Build.Id)?.Status == CheckStatus.Fail ? "not run: the build failed" : "not run";

    private async Task<CheckResult> BuildAsync(
        VerifyTarget target, string tag, IReadOnlyDictionary<string, string> labels, bool hostNetwork, TimeSpan timeout, CancellationToken cancellationToken)
    {
        progress.Step($"building {Path.GetFileName(target.Dockerfile)} in {target.BuildContext}");
        var result = await engine.BuildAsync(new BuildRequest(target.BuildContext!, target.Dockerfile, tag, labels, hostNetwork, timeout), progress.Output, cancellationToken);
        if (result.Succeeded)
            return CheckResult.Pass(VerifyCheck.Build, $"built in {RunChecks.Seconds(result.Elapsed)}", $"$ {result.Command}");
        var tail = (result.StandardError + "\n" + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(15).ToList();
        var reason = result.TimedOut ? $"timed out after {RunChecks.Seconds(result.Elapsed)}" : $"exit code {result.ExitCode}";
        return CheckResult.Fail(VerifyCheck.Build, $"the build failed ({reason})", [$"$ {result.Command}", .. tail]);
    }

    private async Task<ImageInspection> InspectAsync(string image, CancellationToken cancellationToken)
    {
        var inspectJson = await engine.InspectImageAsync(image, cancellationToken)
            ?? throw new InputException(image, 0, $"no such image on the engine ({engine.Executable} image inspect failed)");
        return ImageInspection.Parse(inspectJson) ?? throw new InputException(image, 0, "the engine's inspect output holds no image");
    }

    /// <summary>
    /// Reads the image's layers — from the engine's storage when this process can read it, else by streaming <c>docker save</c> through the
    /// archive reader — and finds the base image's layers; runs beside the container checks.
    /// </summary>
    private async Task<ImageFacts> ReadLayersAsync(string image, ImageInspection inspection, string? baseImage, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var (archive, source) = Environment.GetEnvironmentVariable(LayerSourceVariable) == "save"
            ? (null, $"{LayerSourceVariable}=save")
            : await OverlayStorageReader.TryReadAsync(inspection, cancellationToken);
        if (archive is null)
        {
            var save = await engine.SaveAsync(image, async (stream, token) => archive = await ImageArchiveReader.ReadAsync(stream, token), cancellationToken);
            if (!save.Succeeded || archive is null)
                throw new EngineUnavailableException($"could not read the image's layers: {save.Describe(5)}");
            source = $"streamed by {engine.Executable} save ({source})";
        }
        var declaredBase = baseImage ?? (inspection.Config.Labels.TryGetValue("org.opencontainers.image.base.name", out var label) && label.Length > 0 ? label : null);
        var baseLayers = 0;
        if (declaredBase is not null && await engine.InspectImageAsync(declaredBase, cancellationToken) is { } baseJson && ImageInspection.Parse(baseJson) is { } baseInspection)
            baseLayers = ImageFacts.SharedLayerCount(inspection.LayerDiffIds, baseInspection.LayerDiffIds);
        return new ImageFacts(image, inspection, archive.Layers, baseLayers, declaredBase) { LayerSource = source };
    }

    /// <param name="facts">The image's config (no layers yet).</param>
    /// <param name="layers">The image with its layers, when a check needs the filesystem (still being read while the container runs).</param>
    /// <param name="deferred">Checks whose observations are made now but which need the layers to be judged.</param>
    private async Task RunPhaseAsync(
        ImageFacts facts, Task<ImageFacts> layers, ServiceProfile? profile, EnvironmentPlan environment, VerifyOptions options, IReadOnlyDictionary<string, string> labels, string runId,
        bool hostNetwork, ResourceLedger ledger, List<CheckResult> checks, List<Func<ImageFacts, CheckResult>> deferred, CancellationToken cancellationToken)
    {
        var routes = HealthRoutes(facts, profile);
        var port = AppPort(facts, profile) ?? HealthcheckPort(facts) ?? SingleExposedPort(facts);
        if (port is null)
        {
            checks.Add(CheckResult.Skip(VerifyCheck.StartsReadOnly, "the app's port is unknown: no app scanned, no HEALTHCHECK URL, no single EXPOSE"));
            return;
        }
        var hostPort = hostNetwork ? port.Value : HostPorts.FreeLoopback();
        if (hostNetwork && !await HostPorts.WaitUntilFreeAsync(port.Value, TimeSpan.FromSeconds(10), cancellationToken))
        {
            checks.Add(CheckResult.Fail(VerifyCheck.StartsReadOnly,
                $"port {port} is in use on this host and the engine has no bridge network, so the container must use the host network: free the port and run again"));
            return;
        }
        var name = $"berth-verify-{runId}";
        ledger.AddContainer(name);
        progress.Step($"starting the container (read-only, {(hostNetwork ? $"host network, port {port}" : $"127.0.0.1:{hostPort} → {port}")})");
        var writable = WritablePaths(facts, profile);
        var (containerId, run) = await engine.RunDetachedAsync(
            new RunRequest(facts.Reference, name, labels, environment.Values, options.EnvFile, hostNetwork, hostPort, port.Value)
            {
                WritablePaths = writable,
                TmpfsOwner = TmpfsOwner(facts.Config.User),
            }, cancellationToken);
        if (containerId is null)
        {
            checks.Add(CheckResult.Fail(VerifyCheck.StartsReadOnly, "the engine could not start the container", [.. run.Describe(8).Split('\n')]));
            return;
        }

        var clock = Stopwatch.StartNew();
        using var probe = new HealthProbe(hostPort);
        async Task<bool> StillRunning() => (await engine.ContainerStateAsync(name, cancellationToken))?.Running == true;
        var firstOk = TimeSpan.Zero;
        if (routes.Count > 0)
        {
            progress.Step($"waiting for GET {routes[0].Path} (up to {options.StartTimeout.TotalSeconds:0} s)");
            (_, firstOk) = await probe.WaitForOkAsync(routes[0].Path, options.StartTimeout, StillRunning, cancellationToken);
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
        // The state and the process table are asked together; the table is read before the HEALTHCHECK runs, so its process cannot show up.
        var stateTask = engine.ContainerStateAsync(name, cancellationToken);
        var processesTask = engine.TopAsync(name, cancellationToken);
        var state = await stateTask;
        if (state?.Running != true)
        {
            await Task.WhenAny(processesTask);
            var (exitOut, exitErr) = await engine.LogsAsync(name, cancellationToken); // why it stopped
            checks.Add(RunChecks.StartsReadOnly(state, clock.Elapsed, Tail(exitOut + "\n" + exitErr, 15), writable));
            return;
        }
        checks.Add(RunChecks.StartsReadOnly(state, clock.Elapsed, "", writable));

        var answers = new List<HealthAnswer>();
        foreach (var route in routes)
        {
            var get = await probe.StatusAsync(HttpMethod.Get, route.Path, cancellationToken);
            var head = await probe.StatusAsync(HttpMethod.Head, route.Path, cancellationToken);
            answers.Add(new HealthAnswer(route.Path, route.Methods, get, head));
        }
        checks.Add(RunChecks.HealthGet(answers, firstOk, options.StartTimeout));
        checks.Add(RunChecks.HealthHead(answers));

        // The logs are read while the image's HEALTHCHECK runs (after the probes, so their access lines are in them).
        var logsTask = engine.LogsAsync(name, cancellationToken);
        if (HealthcheckChecks.Command(facts) is { } healthcheck)
        {
            await processesTask;
            progress.Step("running the image's HEALTHCHECK command inside the container");
            var ran = await engine.ExecAsync(name, healthcheck, cancellationToken);
            deferred.Add(image => HealthcheckChecks.Ran(image, healthcheck, ran)); // judged once the layers are read: no waiting here
        }

        var (processes, _) = await processesTask;
        checks.Add(RunChecks.ProcessUser(processes, ConfigChecks.DeclaredUid(facts)));

        var server = ServerCommandLine.Read(facts.Config.Command, facts.Config.EnvValue);
        var (stdout, stderr) = await logsTask;
        var serverLog = stderr + "\n" + stdout;
        deferred.Add(image => RunChecks.GunicornWorkers(server, processes, serverLog, GunicornConfigFile(image)));
        checks.Add(server.IsGunicorn
            ? await WorkerRespawnAsync(facts, layers, name, server, processes, cancellationToken)
            : CheckResult.Skip(VerifyCheck.WorkerRespawn, "the image does not run gunicorn"));

        if (server.IsGunicorn)
            (stdout, _) = await engine.LogsAsync(name, cancellationToken); // again: the respawn wait gave the app more time to log
        var claims = profile?.LogFormat == "json";
        var claimSource = profile?.Evidence.FirstOrDefault(e => e.Fact.StartsWith("log format", StringComparison.Ordinal)) is { } evidence ? $"{evidence.File}:{evidence.Line}" : "scan";
        checks.Add(RunChecks.JsonLogs(claims, claimSource, LogLines.Count(stdout)));

        // Verify's own connections close before the stop: the HTTP client may hold a connection it opened for a poll that another
        // connection then answered. It never carried a request, and Node's server.close() waits for such a connection until its
        // headersTimeout (60 s), so Next.js outlived the grace about one stop in ten. The stop must measure the app, not the prober.
        probe.Dispose();
        var grace = server.GracefulTimeoutSeconds ?? DefaultGraceSeconds;
        var graceSource = server.GracefulTimeoutSeconds is null ? "default" : "from the command line";
        progress.Step($"stopping with SIGTERM (grace {grace} s)");
        var (elapsed, _) = await engine.StopAsync(name, grace, cancellationToken);
        checks.Add(RunChecks.GracefulStop(elapsed, grace, graceSource, await engine.ContainerStateAsync(name, cancellationToken)));
    }

    /// <summary>Kills one gunicorn worker from inside (with the image's own Python, as the image's user) and waits for the master to replace it.</summary>
    private async Task<CheckResult> WorkerRespawnAsync(
        ImageFacts config, Task<ImageFacts> layers, string container, ServerCommandLine server, IReadOnlyList<ContainerProcess> before, CancellationToken cancellationToken)
    {
        var workersBefore = RunChecks.GunicornWorkerPids(before);
        if (workersBefore.Count == 0)
            return CheckResult.Skip(VerifyCheck.WorkerRespawn, "no gunicorn worker is running to kill");
        var python = PythonInCommand(config) ?? PythonInImage(await layers);
        if (python is null)
            return CheckResult.Skip(VerifyCheck.WorkerRespawn, "no Python interpreter found in the image to send the signal from inside");
        progress.Step("killing one gunicorn worker to see it replaced");
        var kill = await engine.ExecAsync(container, [python, "-c", KillOneWorkerScript], cancellationToken);
        if (!kill.Succeeded)
            return CheckResult.Skip(VerifyCheck.WorkerRespawn, "could not kill a worker from inside the container", [.. kill.Describe(5).Split('\n')]);
        var expected = workersBefore.Count; // respawn is about getting back to what was running, whatever the count should be (BV406)
        var clock = Stopwatch.StartNew();
        IReadOnlyList<int> now = workersBefore;
        while (clock.Elapsed < RespawnTimeout)
        {
            await Task.Delay(500, cancellationToken);
            var (processes, _) = await engine.TopAsync(container, cancellationToken);
            now = RunChecks.GunicornWorkerPids(processes);
            if (now.Count == expected && !now.SequenceEqual(workersBefore))
            {
                return CheckResult.Pass(VerifyCheck.WorkerRespawn, $"worker replaced after {RunChecks.Seconds(clock.Elapsed)}",
                    $"killed worker (container pid {kill.StandardOutput.Trim()}) with SIGKILL", $"workers before: {string.Join(", ", workersBefore)}; after: {string.Join(", ", now)} (host pids)");
            }
        }
        return CheckResult.Fail(VerifyCheck.WorkerRespawn, $"{now.Count} workers {RunChecks.Seconds(RespawnTimeout)} after killing one (expected {expected})",
            $"workers before: {string.Join(", ", workersBefore)}; after: {string.Join(", ", now)} (host pids)");
    }

    /// <summary>Runs inside the container: finds the gunicorn master's children through /proc and SIGKILLs the first; prints its pid.</summary>
    internal const string KillOneWorkerScript = """
        import os, signal
        def info(pid):
            try:
                ppid = int(open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()[1])
                cmd = open('/proc/%s/cmdline' % pid, 'rb').read().replace(b'\0', b' ').decode('utf-8', 'replace')
                return ppid, cmd
            except (OSError, ValueError, IndexError):
                return None
        procs = {int(p): info(p) for p in os.listdir('/proc') if p.isdigit()}
        procs = {p: v for p, v in procs.items() if v and 'gunicorn' in v[1]}
        masters = [p for p, v in procs.items() if v[0] not in procs]
        workers = sorted(p for p, v in procs.items() if v[0] in masters)
        if not workers:
            raise SystemExit('no gunicorn worker found')
        os.kill(workers[0], signal.SIGKILL)
        print(workers[0])
        """;

    /// <summary>gunicorn.conf.py in the working directory (gunicorn's default config location), or a <c>-c FILE</c> on the command line, when present in the image.</summary>
    private static string? GunicornConfigFile(ImageFacts facts)
    {
        var command = facts.Config.Command;
        var index = command.ToList().FindIndex(a => a is "-c" or "--config");
        var candidate = index >= 0 && index + 1 < command.Count && !ConfigChecks.IsShellForm(command) ? command[index + 1] : "gunicorn.conf.py";
        var path = candidate.StartsWith('/') ? candidate : (facts.Config.WorkingDir.Length == 0 ? "/" : facts.Config.WorkingDir.TrimEnd('/') + "/") + candidate;
        return facts.FileSystem.Resolve(path) is not null ? path : null;
    }

    /// <summary>The interpreter when the command starts with one (<c>/opt/venv/bin/python -m gunicorn</c>): no need to wait for the layers.</summary>
    /// <summary>The profile's writable paths other than /tmp, absolute (relative ones are under the image's working folder).</summary>
    private static IReadOnlyList<string> WritablePaths(ImageFacts facts, ServiceProfile? profile)
    {
        if (profile is null)
            return [];
        var workdir = facts.Config.WorkingDir is { Length: > 0 } w ? w.TrimEnd('/') : "";
        return profile.WritablePaths
            .Select(p => p.Path.StartsWith('/') ? p.Path : workdir + "/" + (p.Path.StartsWith("./", StringComparison.Ordinal) ? p.Path[2..] : p.Path))
            .Select(p => WritableMount.FolderOf(p, workdir.Length == 0 ? "/" : workdir)) // a file's folder (SQLite's journal), never the code's own folder
            .OfType<string>()
            .Where(p => p != "/tmp")
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static string TmpfsOwner(string user)
    {
        var parts = user.Split(':');
        return parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit)
            ? $",uid={parts[0]},gid={(parts.Length > 1 && parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit) ? parts[1] : parts[0])}"
            : "";
    }

    private static string? PythonInCommand(ImageFacts config) =>
        config.Config.Command is [var first, ..] && first.StartsWith('/') && Path.GetFileName(first).StartsWith("python", StringComparison.Ordinal) ? first : null;

    private static string? PythonInImage(ImageFacts facts)
    {
        var path = facts.Config.EnvValue("PATH");
        var program = facts.Config.Command.Count > 0 ? facts.FileSystem.FindOnPath(facts.Config.Command[0], path) : null;
        if (program is not null && facts.FileSystem.Resolve(program)?.File.Shebang is { } shebang)
        {
            var interpreter = shebang.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            if (interpreter.Contains("python", StringComparison.Ordinal) && facts.FileSystem.IsExecutableFile(interpreter))
                return interpreter;
        }
        foreach (var name in new[] { "python3", "python", "python3.11", "python3.12", "python3.13" })
        {
            if (facts.FileSystem.FindOnPath(name, path) is { } found)
                return found;
        }
        return null;
    }

    private static IReadOnlyList<HealthRoute> HealthRoutes(ImageFacts facts, ServiceProfile? profile)
    {
        if (profile is not null && profile.Health.Count > 0)
            return profile.Health;
        if (HealthcheckUrl(facts) is { } url)
            return [new HealthRoute(url.PathAndQuery, ["GET"], "the image's HEALTHCHECK")];
        return [];
    }

    private static Uri? HealthcheckUrl(ImageFacts facts)
    {
        var text = string.Join(' ', facts.Config.Healthcheck);
        var match = UrlPattern().Match(text);
        return match.Success && Uri.TryCreate(match.Value, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static int? HealthcheckPort(ImageFacts facts) => HealthcheckUrl(facts) is { IsDefaultPort: false } url ? url.Port : null;

    /// <summary>
    /// The port the app listens on in the image: the scanned one, or that port moved up by 8000 when it is below 1024 and the image
    /// exposes the moved one (<see cref="Generation.UnprivilegedPort"/>: what berth init binds so a non-root server runs anywhere).
    /// </summary>
    private static int? AppPort(ImageFacts facts, ServiceProfile? profile)
    {
        if (profile is null)
            return null;
        var moved = Generation.UnprivilegedPort.For(profile.Port);
        return moved != profile.Port && SingleExposedPort(facts) == moved ? moved : profile.Port;
    }

    private static int? SingleExposedPort(ImageFacts facts) =>
        facts.Config.ExposedPorts.Count == 1 && int.TryParse(facts.Config.ExposedPorts[0].Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>
    /// Values that must never be printed: every value of the env file (it is a .env), values given with --env under a secret-looking name,
    /// and the random placeholders invented for secrets.
    /// </summary>
    private static IEnumerable<string> SecretValues(EnvironmentPlan environment, VerifyOptions options, EnvFile? envFile) =>
    [
        .. envFile?.Values.Values.Where(v => v.Length >= 6) ?? [],
        .. options.Environment.Where(e => Apps.SecretNames.IsSecret(e.Key)).Select(e => e.Value),
        .. environment.Invented.Where(i => i.ShownValue is null).Select(i => environment.Values[i.Name]),
    ];

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    /// <summary>An image tag component: lowercase letters, digits, '.', '_', '-'.</summary>
    internal static string TagName(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray();
        var text = new string(chars).Trim('-', '.', '_');
        return text.Length == 0 ? "app" : text;
    }

    [GeneratedRegex(@"https?://[A-Za-z0-9.\-\[\]:]+(/[^\s'""\)]*)?")]
    private static partial Regex UrlPattern();
}
