namespace Berth.Verification;

/// <summary>A check of the verify checklist: a stable ID (BV1xx image, BV2xx files, BV3xx config, BV4xx run, BV5xx stop and cleanup), a kebab-case name and what it proves.</summary>
public sealed record VerifyCheck(string Id, string Name, string Summary)
{
    public static readonly VerifyCheck Build = new("BV101", "build", "the Dockerfile builds on the engine");
    public static readonly VerifyCheck ImageSize = new("BV102", "image-size", "the image fits the size budget (default 300 MB, --size-budget)");
    public static readonly VerifyCheck LayerEfficiency = new("BV103", "layer-efficiency", "dive's efficiency score is at least 0.9 and files rewritten by later layers waste at most 10% of the image's own bytes");

    public static readonly VerifyCheck NoDotenv = new("BV201", "no-dotenv-files", "no .env file (other than .env.example) is in the image");
    public static readonly VerifyCheck NoVcsOrCaches = new("BV202", "no-vcs-or-caches", "no .git folder, pip/npm/poetry/uv caches or apt package lists/archives were added by the image's own layers");
    public static readonly VerifyCheck NoTests = new("BV203", "no-tests-in-app", "the app folder holds no tests/ folder");
    public static readonly VerifyCheck NoBuildTools = new("BV204", "no-build-tools", "no compiler or make (gcc, cc, g++, clang, make) in the runtime image");
    public static readonly VerifyCheck NoShellOnDistroless = new("BV205", "no-shell-on-distroless", "an image built on distroless has no shell (/bin/sh, bash, busybox)");

    public static readonly VerifyCheck NonRootUser = new("BV301", "non-root-user", "the image's User is a numeric, non-zero uid (Kubernetes runAsNonRoot can only check numbers)");
    public static readonly VerifyCheck ExecEntrypoint = new("BV302", "exec-entrypoint", "the command is exec form and its program (and a script's interpreter) exists in the image and is executable");
    public static readonly VerifyCheck ExposedPort = new("BV303", "exposed-port", "the image exposes the port the app listens on");
    public static readonly VerifyCheck NoSecretEnv = new("BV304", "no-secret-env", "no secret-looking names among the image's environment variables (names only are reported)");
    public static readonly VerifyCheck OciLabels = new("BV305", "oci-labels", "the image carries org.opencontainers.image.* labels");
    public static readonly VerifyCheck NoDotenvValues = new("BV307", "no-dotenv-values", "no secret value from the app's .env files or --env-file is baked into the image's environment, labels or build history (names only are reported)");
    public static readonly VerifyCheck HealthcheckCommand = new("BV306", "healthcheck-command", "the image's HEALTHCHECK program exists in the image and, run inside the started container, exits 0");

    public static readonly VerifyCheck StartsReadOnly = new("BV401", "starts-read-only", "the container starts and keeps running with a read-only root filesystem, a tmpfs /tmp and no added capabilities");
    public static readonly VerifyCheck HealthGet = new("BV402", "health-get", "every health route answers 200 to GET within the start timeout");
    public static readonly VerifyCheck HealthHead = new("BV403", "health-head", "health routes that declare HEAD answer 200 to HEAD");
    public static readonly VerifyCheck ProcessUser = new("BV404", "process-user", "every process in the container runs as the image's non-root uid");
    public static readonly VerifyCheck JsonLogs = new("BV405", "json-logs", "stdout lines are JSON when the app configures JSON logging (otherwise the ratio is reported)");
    public static readonly VerifyCheck GunicornWorkers = new("BV406", "gunicorn-workers", "gunicorn booted the number of workers its command line asks for");
    public static readonly VerifyCheck WorkerRespawn = new("BV407", "worker-respawn", "a killed gunicorn worker is replaced");

    public static readonly VerifyCheck GracefulStop = new("BV501", "graceful-stop", "SIGTERM stops the container within the graceful timeout with exit code 0 or 143, not SIGKILL");
    public static readonly VerifyCheck Cleanup = new("BV502", "cleanup", "every container (and image, unless --keep) verify created is gone afterwards");

    public static IReadOnlyList<VerifyCheck> All { get; } =
    [
        Build, ImageSize, LayerEfficiency,
        NoDotenv, NoVcsOrCaches, NoTests, NoBuildTools, NoShellOnDistroless,
        NonRootUser, ExecEntrypoint, ExposedPort, NoSecretEnv, OciLabels, HealthcheckCommand, NoDotenvValues,
        StartsReadOnly, HealthGet, HealthHead, ProcessUser, JsonLogs, GunicornWorkers, WorkerRespawn,
        GracefulStop, Cleanup,
    ];

    /// <summary>The checks table for docs/verify.md, generated from <see cref="All"/>; a test fails when the file is stale.</summary>
    public static string Table()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# `berth verify` checks\n\nGenerated from `VerifyCheck.All` (`VerifyCheck.Table()`); a test fails when it is stale.\n\n");
        text.Append("| ID | name | proves |\n|---|---|---|\n");
        foreach (var check in All)
            text.Append($"| {check.Id} | {check.Name} | {check.Summary} |\n");
        return text.ToString();
    }
}
