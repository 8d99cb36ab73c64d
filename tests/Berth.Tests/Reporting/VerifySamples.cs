using Berth.Verification;

namespace Berth.Tests.Reporting;

/// <summary>Verify reports to render: a small one for exact output, and a realistic one (12 layers, every check, a few failures and skips).</summary>
public static class VerifySamples
{
    public static VerifyReport Small() => new()
    {
        Image = "berth-verify/shop:latest",
        SizeBytes = 142_312_448,
        Engine = "docker 27.3.1",
        Elapsed = TimeSpan.FromSeconds(83.4),
        Checks =
        [
            CheckResult.Pass(VerifyCheck.Build, "built in 41.2 s"),
            CheckResult.Fail(VerifyCheck.NonRootUser, "User is \"root\", not a numeric uid", "docker image inspect: .Config.User = \"root\"", "line one\nline two"),
            CheckResult.Skip(VerifyCheck.GunicornWorkers, "the command is not gunicorn"),
        ],
        Layers =
        [
            new LayerSummary(0, 74_800_000, "/bin/sh -c #(nop) ADD file:0a5d1b4c in /", true),
            new LayerSummary(1, 67_512_448, "RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit", false),
        ],
        Efficiency = new LayerEfficiencyScore(0.973, 3_412_345, 67_512_448, 0.0506, [new WastedPath("/app/static/bundle.js", 2, 2_400_000)]),
        InventedEnvironment =
        [
            new InventedVariable("DATABASE_URL", "url", "postgresql://verify:verify@localhost:5432/verify"),
            new InventedVariable("SECRET_KEY", "secret", null),
        ],
    };

    public static VerifyReport Realistic()
    {
        var failures = new Dictionary<VerifyCheck, CheckResult>
        {
            [VerifyCheck.NonRootUser] = CheckResult.Fail(VerifyCheck.NonRootUser, "User is \"app\", a name: Kubernetes runAsNonRoot cannot check it; use a numeric uid such as 10001",
                "docker image inspect shop:verify --format {{.Config.User}}", "app"),
            [VerifyCheck.NoVcsOrCaches] = CheckResult.Fail(VerifyCheck.NoVcsOrCaches, "layer 9 adds /root/.cache/pip (38.1 MB) and /var/lib/apt/lists (21.4 MB)",
                "layer 9 RUN pip install -r requirements.txt: /root/.cache/pip/http-v2 (38,104,211 bytes)", "layer 7 RUN apt-get update && apt-get install -y libpq5: /var/lib/apt/lists (21,402,112 bytes)"),
            [VerifyCheck.HealthHead] = CheckResult.Fail(VerifyCheck.HealthHead, "HEAD /healthz answered 405 Method Not Allowed; the route declares HEAD",
                "curl -sS -I http://127.0.0.1:32768/healthz", "HTTP/1.1 405 METHOD NOT ALLOWED", "Allow: GET, OPTIONS"),
        };
        var skips = new Dictionary<VerifyCheck, CheckResult>
        {
            [VerifyCheck.NoShellOnDistroless] = CheckResult.Skip(VerifyCheck.NoShellOnDistroless, "the base image is python:3.12-slim-bookworm, not distroless"),
            [VerifyCheck.WorkerRespawn] = CheckResult.Skip(VerifyCheck.WorkerRespawn, "uvicorn runs a single process; there is no gunicorn worker to kill"),
            [VerifyCheck.GunicornWorkers] = CheckResult.Skip(VerifyCheck.GunicornWorkers, "the command is uvicorn, not gunicorn"),
        };
        var details = new Dictionary<VerifyCheck, string>
        {
            [VerifyCheck.Build] = "built in 1 m 12 s (9 steps, 3 cached)",
            [VerifyCheck.ImageSize] = "187.6 MB, within the 300 MB budget",
            [VerifyCheck.LayerEfficiency] = "efficiency 94.1%, 4.8% of the image's own bytes wasted",
            [VerifyCheck.StartsReadOnly] = "running after 10 s with --read-only, tmpfs /tmp, --cap-drop ALL",
            [VerifyCheck.HealthGet] = "GET /healthz answered 200 in 1.8 s",
            [VerifyCheck.ProcessUser] = "2 processes, all uid 10001",
            [VerifyCheck.JsonLogs] = "14 of 14 stdout lines are JSON",
            [VerifyCheck.GracefulStop] = "stopped in 0.4 s with exit code 0",
            [VerifyCheck.Cleanup] = "1 container and 1 image removed",
        };
        var checks = VerifyCheck.All.Select(c =>
            failures.TryGetValue(c, out var failed) ? failed
            : skips.TryGetValue(c, out var skipped) ? skipped
            : CheckResult.Pass(c, details.TryGetValue(c, out var detail) ? detail : c.Summary, $"{c.Name}: ok")).ToList();
        return new VerifyReport
        {
            Image = "ghcr.io/acme/shop-api:verify-3f9c2e1",
            SizeBytes = 187_604_113,
            Engine = "docker 27.3.1 (server 27.3.1)",
            Elapsed = TimeSpan.FromSeconds(97.35),
            Checks = checks,
            Layers =
            [
                new LayerSummary(0, 77_832_192, "/bin/sh -c #(nop) ADD file:d3b1c3e4bbf1b2a0e2b0f1a8c46d4e0b1e5b5c7f02f98d5e3b in /", true),
                new LayerSummary(1, 9_216_000, "/bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/*", true),
                new LayerSummary(2, 41_302_016, "/bin/sh -c set -eux; wget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; ./configure --enable-optimizations; make -j \"$(nproc)\"; make install", true),
                new LayerSummary(3, 12_288, "/bin/sh -c set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do dst=\"$(echo \"$src\" | tr -d 3)\"; ln -svT \"$src\" \"/usr/local/bin/$dst\"; done", true),
                new LayerSummary(4, 4_096, "WORKDIR /app", false),
                new LayerSummary(5, 8_192, "RUN /bin/sh -c groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app app # buildkit", false),
                new LayerSummary(6, 21_402_112, "RUN /bin/sh -c apt-get update && apt-get install -y libpq5 # buildkit", false),
                new LayerSummary(7, 1_204_224, "COPY requirements.txt . # buildkit", false),
                new LayerSummary(8, 31_876_096, "RUN /bin/sh -c pip install -r requirements.txt # buildkit", false),
                new LayerSummary(9, 2_875_392, "COPY --chown=10001:10001 src/ ./src/ # buildkit", false),
                new LayerSummary(10, 1_863_680, "COPY --chown=10001:10001 static/ ./static/ # buildkit", false),
                new LayerSummary(11, 7_823, "RUN /bin/sh -c python -m compileall -q src # buildkit", false),
            ],
            Efficiency = new LayerEfficiencyScore(0.941, 5_021_184, 59_236_111, 0.0848,
            [
                new WastedPath("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", 2, 2_301_952),
                new WastedPath("/var/cache/debconf/templates.dat", 3, 1_290_240),
                new WastedPath("/app/requirements.txt", 2, 8_192),
                new WastedPath("/etc/ld.so.cache", 2, 41_984),
            ]),
            InventedEnvironment =
            [
                new InventedVariable("DATABASE_URL", "url", "postgresql://verify:verify@127.0.0.1:5432/verify"),
                new InventedVariable("REDIS_URL", "url", "redis://127.0.0.1:6379/0"),
                new InventedVariable("SECRET_KEY", "secret", null),
                new InventedVariable("STRIPE_API_KEY", "secret", null),
                new InventedVariable("WORKERS", "int", "2"),
            ],
        };
    }
}
