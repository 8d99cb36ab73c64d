using Berth.Verification;
using Berth.Verification.Checks;
using Berth.Verification.Engine;
using Berth.Verification.Images;
using Berth.Verification.Running;
using static Berth.Tests.Verification.TestImages;

namespace Berth.Tests.Verification;

public sealed class FileCheckTests
{
    [Fact]
    public void Dotenv_in_the_image_fails_with_its_path_and_layer_never_its_content()
    {
        var result = FileChecks.Dotenv(GoodApp(null, File("app/.env", 42), File("app/.env.example")));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("/app/.env", result.Detail);
        Assert.DoesNotContain(".env.example", result.Detail);
        Assert.Contains(result.Evidence, e => e.Contains("COPY . .", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Pass, FileChecks.Dotenv(GoodApp(null, File("app/.env.example"), File("app/.env.sample"))).Status);
    }

    [Theory]
    [InlineData(".env", true)]
    [InlineData(".env.production", true)]
    [InlineData(".env.example", false)]
    [InlineData(".env.template", false)]
    [InlineData(".env.dist", false)]
    [InlineData(".env.Defaults", false)]
    [InlineData(".env.local", true)]
    [InlineData(".envrc", false)]
    [InlineData("env", false)]
    public void Dotenv_names(string name, bool secret) => Assert.Equal(secret, Berth.Apps.DotenvFiles.HoldsValues(name));

    [Fact]
    public void Caches_count_only_in_the_images_own_layers()
    {
        var inBase = Facts(Config(), 1, "b", Layer(0, "base", File("var/lib/apt/lists/deb.debian.org_dists", 5000)), Layer(1, "app", File("app/main.py")));
        Assert.Equal(CheckStatus.Pass, FileChecks.VcsOrCaches(inBase).Status);
        var own = GoodApp(null, File("root/.cache/pip/http/a", 900), Dir("app/.git"), File("app/.git/HEAD"), File("var/cache/apt/archives/gcc.deb", 10));
        var result = FileChecks.VcsOrCaches(own);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("pip cache", result.Detail);
        Assert.Contains(".git", result.Detail);
        Assert.Contains("apt archives", result.Detail);
    }

    [Fact]
    public void Tests_folder_in_the_workdir_fails_but_packages_own_tests_do_not()
    {
        Assert.Equal(CheckStatus.Pass, FileChecks.Tests(GoodApp()).Status); // site-packages/pkg/tests is the package's business
        var result = FileChecks.Tests(GoodApp(null, File("app/tests/test_main.py")));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("/app/tests", result.Detail);
        Assert.Equal(CheckStatus.Skip, FileChecks.Tests(GoodApp(Config(workdir: ""))).Status);
    }

    [Fact]
    public void Build_tools_are_found_on_path_through_symlinks_and_versioned_names()
    {
        Assert.Equal(CheckStatus.Pass, FileChecks.BuildTools(GoodApp()).Status);
        var result = FileChecks.BuildTools(GoodApp(null, Exe("usr/bin/gcc-12"), Link("usr/bin/gcc", "gcc-12"), Exe("usr/bin/make")));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("gcc", result.Detail);
        Assert.Contains("make", result.Detail);
        Assert.Contains(result.Evidence, e => e.StartsWith("/usr/bin/gcc-12", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shell_fails_only_on_a_distroless_declared_image()
    {
        Assert.Equal(CheckStatus.Skip, FileChecks.ShellOnDistroless(GoodApp()).Status);
        var distroless = Facts(Config(), 1, "gcr.io/distroless/python3-debian12:debug", Layer(0, "base", Exe("busybox/sh")), Layer(1, "app", File("app/a.py")));
        Assert.Equal(CheckStatus.Fail, FileChecks.ShellOnDistroless(distroless).Status);
        var clean = Facts(Config(), 1, "gcr.io/distroless/python3-debian12:nonroot", Layer(0, "base", Exe("usr/bin/python3.11")), Layer(1, "app", File("app/a.py")));
        Assert.Equal(CheckStatus.Pass, FileChecks.ShellOnDistroless(clean).Status);
    }
}

public sealed class ConfigCheckTests
{
    [Theory]
    [InlineData("", CheckStatus.Fail)]
    [InlineData("root", CheckStatus.Fail)]
    [InlineData("appuser", CheckStatus.Fail)]
    [InlineData("0:0", CheckStatus.Fail)]
    [InlineData("10001:10001", CheckStatus.Pass)]
    [InlineData("65532", CheckStatus.Pass)]
    public void Non_root_user_must_be_a_nonzero_number(string user, CheckStatus expected) =>
        Assert.Equal(expected, ConfigChecks.NonRootUser(GoodApp(Config(user: user))).Status);

    [Fact]
    public void Exec_entrypoint_follows_the_script_to_its_interpreter()
    {
        var good = ConfigChecks.ExecEntrypoint(GoodApp());
        Assert.Equal(CheckStatus.Pass, good.Status);
        Assert.Contains(good.Evidence, e => e.Contains("#!/opt/venv/bin/python", StringComparison.Ordinal));

        // The venv's python links to an interpreter the runtime lacks (a venv built in python:slim copied into distroless).
        var dangling = Facts(Config(), 1, "distroless",
            Layer(0, "base", Exe("usr/bin/python3.11")),
            Layer(1, "venv", Link("opt/venv/bin/python", "/usr/local/bin/python"), Exe("opt/venv/bin/uvicorn", 10, "/opt/venv/bin/python")));
        var result = ConfigChecks.ExecEntrypoint(dangling);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("/opt/venv/bin/python", result.Detail);

        Assert.Equal(CheckStatus.Fail, ConfigChecks.ExecEntrypoint(GoodApp(Config(cmd: ["gunicorn", "app:app"]))).Status);
        Assert.Equal(CheckStatus.Fail, ConfigChecks.ExecEntrypoint(GoodApp(Config(cmd: []))).Status);
    }

    [Fact]
    public void Shell_form_fails_unless_it_execs()
    {
        var shell = ConfigChecks.ExecEntrypoint(GoodApp(Config(cmd: ["/bin/sh", "-c", "uvicorn app.main:app"])));
        Assert.Equal(CheckStatus.Fail, shell.Status);
        Assert.Contains("shell form", shell.Detail);
        var exec = ConfigChecks.ExecEntrypoint(GoodApp(Config(cmd: ["/bin/sh", "-c", "exec uvicorn app.main:app"])));
        Assert.Equal(CheckStatus.Pass, exec.Status);
    }

    [Fact]
    public void Exposed_port_against_the_app()
    {
        Assert.Equal(CheckStatus.Pass, ConfigChecks.ExposedPort(GoodApp(), 8000).Status);
        Assert.Equal(CheckStatus.Fail, ConfigChecks.ExposedPort(GoodApp(), 8080).Status);
        Assert.Equal(CheckStatus.Skip, ConfigChecks.ExposedPort(GoodApp(), null).Status);
        Assert.Equal(CheckStatus.Pass, ConfigChecks.ExposedPort(Facts(InventoryDistroless.Config, 0, null), 8080).Status);
    }

    [Fact]
    public void Secret_env_reports_names_never_values()
    {
        var config = Config(env: ["PATH=/usr/bin", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D", "API_TOKEN=hunter2-very-secret", "DATABASE_URL=postgresql://u:p@db/x"]);
        var result = ConfigChecks.SecretEnv(GoodApp(config));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("API_TOKEN", result.Detail);
        Assert.Contains("DATABASE_URL", result.Detail);
        Assert.DoesNotContain("GPG_KEY", result.Detail);
        var all = result.Detail + string.Join('\n', result.Evidence);
        Assert.DoesNotContain("hunter2", all);
        Assert.DoesNotContain("u:p@", all);
        Assert.Equal(CheckStatus.Pass, ConfigChecks.SecretEnv(Facts(InventoryDistroless.Config, 0, null)).Status);
    }

    [Fact]
    public void Oci_labels_present_or_not()
    {
        Assert.Equal(CheckStatus.Fail, ConfigChecks.OciLabels(GoodApp(Config() with { Labels = new Dictionary<string, string>() })).Status);
        var recorded = ConfigChecks.OciLabels(Facts(InventoryDistroless.Config, 0, null));
        Assert.Equal(CheckStatus.Pass, recorded.Status);
        Assert.Contains("revision", recorded.Detail); // recommended, not there
    }

    [Fact]
    public void Healthcheck_with_curl_on_a_slim_image_fails_statically()
    {
        var curl = GoodApp(Config() with { Healthcheck = ["CMD-SHELL", "curl -f http://127.0.0.1:8000/health || exit 1"] });
        var result = HealthcheckChecks.Static(curl);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("curl", result.Detail);

        var python = GoodApp(Config() with { Healthcheck = ["CMD", "python", "-c", "import urllib.request"] });
        Assert.Equal(CheckStatus.Pass, HealthcheckChecks.Static(python).Status);
        Assert.Equal(CheckStatus.Skip, HealthcheckChecks.Static(GoodApp()).Status);

        var shellOnDistroless = Facts(Config() with { Healthcheck = ["CMD-SHELL", "python -c 1"] }, 1, "distroless", Layer(0, "b", Exe("usr/bin/python3")));
        Assert.Contains("/bin/sh", HealthcheckChecks.Static(shellOnDistroless).Detail);
    }

    [Fact]
    public void Healthcheck_that_runs_but_exits_nonzero_fails()
    {
        var image = GoodApp(Config() with { Healthcheck = ["CMD", "python", "-c", "x"] });
        var command = HealthcheckChecks.Command(image)!;
        Assert.Equal(["python", "-c", "x"], command);
        var failed = new CommandResult("docker exec", 1, "", "Traceback", TimeSpan.FromSeconds(1), false);
        Assert.Equal(CheckStatus.Fail, HealthcheckChecks.Ran(image, command, failed).Status);
        var ok = failed with { ExitCode = 0 };
        Assert.Equal(CheckStatus.Pass, HealthcheckChecks.Ran(image, command, ok).Status);
    }

    [Fact]
    public void Size_budget_and_efficiency()
    {
        var image = GoodApp();
        Assert.Equal(CheckStatus.Pass, ImageChecks.Size(image, null).Status);
        Assert.Equal(CheckStatus.Fail, ImageChecks.Size(image, 100).Status);
        Assert.Equal(CheckStatus.Pass, ImageChecks.Efficiency(new LayerEfficiencyScore(0.95, 10, 1000, 0.01, [])).Status);
        Assert.Equal(CheckStatus.Fail, ImageChecks.Efficiency(new LayerEfficiencyScore(0.80, 10, 1000, 0.01, [])).Status);
        Assert.Equal(CheckStatus.Fail, ImageChecks.Efficiency(new LayerEfficiencyScore(0.95, 200, 1000, 0.2, [])).Status);
    }
}

public sealed class RunCheckTests
{
    private static readonly ContainerState Running = new("running", true, 0, false, "");

    [Fact]
    public void Health_get_and_head_against_declared_methods()
    {
        var declared = new HealthAnswer("/health", ["GET", "HEAD"], 200, 200);
        var getOnly = new HealthAnswer("/healthz", ["GET"], 200, 405);
        Assert.Equal(CheckStatus.Pass, RunChecks.HealthGet([declared, getOnly], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)).Status);
        Assert.Equal(CheckStatus.Pass, RunChecks.HealthHead([declared, getOnly]).Status);
        Assert.Equal(CheckStatus.Skip, RunChecks.HealthHead([getOnly]).Status);
        Assert.Equal(CheckStatus.Fail, RunChecks.HealthHead([declared with { Head = 405 }]).Status);
        var silent = RunChecks.HealthGet([declared with { Get = null }], TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Equal(CheckStatus.Fail, silent.Status);
        Assert.Contains("no answer", silent.Detail);
        Assert.Equal(CheckStatus.Skip, RunChecks.HealthGet([], TimeSpan.Zero, TimeSpan.FromSeconds(1)).Status);
    }

    [Fact]
    public void Process_user_from_recorded_top()
    {
        var processes = ContainerProcess.ParseTop(Recorded("inventory-distroless.top.txt"));
        Assert.Equal(CheckStatus.Pass, RunChecks.ProcessUser(processes, 65532).Status);
        Assert.Equal(CheckStatus.Fail, RunChecks.ProcessUser(processes, 10001).Status);
        var root = processes.Select(p => p with { User = "0" }).ToList();
        Assert.Equal(CheckStatus.Fail, RunChecks.ProcessUser(root, null).Status);
        Assert.Equal(CheckStatus.Fail, RunChecks.ProcessUser([], 1).Status);
    }

    [Fact]
    public void Gunicorn_workers_from_recorded_top()
    {
        var processes = ContainerProcess.ParseTop(Recorded("inventory-distroless.top.txt"));
        var server = ServerCommandLine.Read(InventoryDistroless.Config.Command, _ => null);
        Assert.True(server.IsGunicorn);
        Assert.Equal(2, server.Workers);
        Assert.Equal(10, server.GracefulTimeoutSeconds);
        Assert.Equal(CheckStatus.Pass, RunChecks.GunicornWorkers(server, processes, "").Status);
        var three = server with { Workers = 3, Source = "WEB_CONCURRENCY" };
        var result = RunChecks.GunicornWorkers(three, processes, "", "/app/gunicorn.conf.py");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("gunicorn.conf.py", result.Detail);
        Assert.Equal(CheckStatus.Skip, RunChecks.GunicornWorkers(ServerCommandLine.Read(["uvicorn", "a:b"], _ => null), processes, "").Status);
    }

    [Theory]
    [InlineData(new[] { "gunicorn", "a:b", "-w", "4" }, null, 4)]
    [InlineData(new[] { "gunicorn", "a:b", "-w4" }, null, 4)]
    [InlineData(new[] { "gunicorn", "--workers=3", "a:b" }, "9", 3)]
    [InlineData(new[] { "gunicorn", "a:b" }, "5", 5)]
    [InlineData(new[] { "gunicorn", "a:b" }, null, 1)]
    [InlineData(new[] { "/bin/sh", "-c", "exec gunicorn a:b --workers 2" }, null, 2)]
    [InlineData(new[] { "python", "-m", "gunicorn", "a:b" }, null, 1)]
    public void Gunicorn_worker_count_precedence(string[] command, string? webConcurrency, int expected) =>
        Assert.Equal(expected, ServerCommandLine.Read(command, name => name == "WEB_CONCURRENCY" ? webConcurrency : null).Workers);

    [Theory]
    [InlineData(new[] { "gunicorn", "a:b" }, "--workers 3 --graceful-timeout 20", "5", 3, 20, "--workers in GUNICORN_CMD_ARGS")]
    [InlineData(new[] { "gunicorn", "a:b", "-w", "2" }, "--workers=3", "5", 2, null, "-w in the command")]
    [InlineData(new[] { "gunicorn", "a:b", "--graceful-timeout", "5" }, "--graceful-timeout 20", null, 1, 5, "gunicorn's default (no --workers, no WEB_CONCURRENCY)")]
    [InlineData(new[] { "gunicorn", "a:b" }, "--access-logfile -", "4", 4, null, "WEB_CONCURRENCY in the image's environment")]
    public void Gunicorn_cmd_args_sit_between_the_command_line_and_web_concurrency(
        string[] command, string cmdArgs, string? webConcurrency, int workers, int? graceful, string source)
    {
        var server = ServerCommandLine.Read(command, name => name switch { "GUNICORN_CMD_ARGS" => cmdArgs, "WEB_CONCURRENCY" => webConcurrency, _ => null });
        Assert.Equal(workers, server.Workers);
        Assert.Equal(graceful, server.GracefulTimeoutSeconds);
        Assert.Equal(source, server.Source);
    }

    [Fact]
    public void Uvicorn_workers_and_graceful_timeout_are_read_but_gunicorn_settings_are_not()
    {
        var server = ServerCommandLine.Read(["uvicorn", "a:b", "--workers", "2", "--timeout-graceful-shutdown", "7"], _ => "--workers 9");
        Assert.False(server.IsGunicorn);
        Assert.Equal(2, server.Workers);
        Assert.Equal(7, server.GracefulTimeoutSeconds);
    }

    [Fact]
    public void Json_logs_only_judged_when_the_app_claims_them()
    {
        var lines = LogLines.Count("{\"level\":\"info\"}\nINFO: plain\n{\"a\":1}\n\n");
        Assert.Equal(3, lines.Total);
        Assert.Equal(2, lines.Json);
        Assert.Equal(CheckStatus.Fail, RunChecks.JsonLogs(true, "app/log.py:9", lines).Status);
        Assert.Equal(CheckStatus.Skip, RunChecks.JsonLogs(false, "", lines).Status);
        Assert.Equal(CheckStatus.Pass, RunChecks.JsonLogs(true, "app/log.py:9", LogLines.Count("{\"a\":1}\n")).Status);
        Assert.Equal(0, LogLines.Count("{not json}").Json);
    }

    [Fact]
    public void Graceful_stop()
    {
        Assert.Equal(CheckStatus.Pass, RunChecks.GracefulStop(TimeSpan.FromSeconds(1), 10, "default", Running with { Running = false, ExitCode = 0 }).Status);
        Assert.Equal(CheckStatus.Pass, RunChecks.GracefulStop(TimeSpan.FromSeconds(1), 10, "default", Running with { Running = false, ExitCode = 143 }).Status);
        var killed = RunChecks.GracefulStop(TimeSpan.FromSeconds(10.3), 10, "default", Running with { Running = false, ExitCode = 137 });
        Assert.Equal(CheckStatus.Fail, killed.Status);
        Assert.Contains("SIGTERM", killed.Detail);
        Assert.Equal(CheckStatus.Fail, RunChecks.GracefulStop(TimeSpan.FromSeconds(1), 10, "default", Running with { Running = false, ExitCode = 1 }).Status);
        Assert.Equal(CheckStatus.Fail, RunChecks.GracefulStop(TimeSpan.FromSeconds(1), 10, "default", null).Status);
    }

    [Fact]
    public void Starts_read_only()
    {
        Assert.Equal(CheckStatus.Pass, RunChecks.StartsReadOnly(Running, TimeSpan.FromSeconds(2), "").Status);
        var crashed = RunChecks.StartsReadOnly(Running with { Running = false, Status = "exited", ExitCode = 3 }, TimeSpan.FromSeconds(2), "OSError: [Errno 30] Read-only file system");
        Assert.Equal(CheckStatus.Fail, crashed.Status);
        Assert.Contains(crashed.Evidence, e => e.Contains("Read-only", StringComparison.Ordinal));
    }
}

public sealed class EnvironmentPlanTests
{
    [Fact]
    public void Required_variables_nobody_gave_get_typed_placeholders_secrets_hidden()
    {
        Berth.Apps.EnvVariable Required(string name, bool secret = false) => new(name, true, secret, "app.py:1", null);
        var plan = EnvironmentPlan.Build(
            [Required("DATABASE_URL", true), Required("SECRET_KEY", true), Required("REDIS_URL"), Required("GIVEN"), Required("IN_FILE"), Required("SMTP_PORT"),
             new("OPTIONAL", false, false, "a.py:2", "x")],
            new Dictionary<string, string> { ["GIVEN"] = "mine" },
            new HashSet<string> { "IN_FILE" });
        Assert.Equal(["DATABASE_URL", "REDIS_URL", "SECRET_KEY", "SMTP_PORT"], plan.Invented.Select(i => i.Name));
        Assert.StartsWith("postgresql://", plan.Values["DATABASE_URL"]);
        Assert.Null(plan.Invented.Single(i => i.Name == "DATABASE_URL").ShownValue);
        Assert.Null(plan.Invented.Single(i => i.Name == "SECRET_KEY").ShownValue);
        Assert.Equal("redis://127.0.0.1:6379/0", plan.Invented.Single(i => i.Name == "REDIS_URL").ShownValue);
        Assert.Equal("port", plan.Invented.Single(i => i.Name == "SMTP_PORT").Kind);
        Assert.Equal("mine", plan.Values["GIVEN"]);
        Assert.False(plan.Values.ContainsKey("IN_FILE"));
        Assert.False(plan.Values.ContainsKey("OPTIONAL"));
        Assert.NotEqual(EnvironmentPlan.Placeholder("SECRET_KEY", true).Value, EnvironmentPlan.Placeholder("SECRET_KEY", true).Value);
    }

    [Fact]
    public void Env_file_values_are_read_and_blanked_out_of_text()
    {
        using var tree = new Berth.Tests.Support.TempTree(new Dictionary<string, string> { ["e.env"] = "# c\nAPI_TOKEN=tok-123456\nexport NAME=plain\n\nEMPTY=\n" });
        var file = EnvFile.Read(tree.PathOf("e.env"));
        Assert.Equal("tok-123456", file.Values["API_TOKEN"]);
        Assert.Equal("plain", file.Values["NAME"]);
        var redactor = new Redactor(file.Values.Values);
        Assert.Equal("token=*** name=***", redactor.Apply("token=tok-123456 name=plain"));
        var check = redactor.Apply(new CheckResult("X", "x", CheckStatus.Fail, "saw tok-123456", ["log: tok-123456"]));
        Assert.DoesNotContain("tok-123456", check.Detail + string.Join("", check.Evidence));

        tree.Write("bad.env", "OK=1\nnot a pair\n");
        var error = Assert.Throws<Berth.InputException>(() => EnvFile.Read(tree.PathOf("bad.env")));
        Assert.Equal(2, error.Line);
    }
}
