using Berth.Generation;
using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>The generated server command carries the flags the repository states, translated for Berth's server, and drops those that break the container.</summary>
public sealed class StatedServerFlagsTests
{
    /// <summary>init on a fixture into a temporary folder: what it printed and the Dockerfile it wrote.</summary>
    private static (string Stdout, string Dockerfile) Init(string fixture, params string[] options)
    {
        using var tree = new TempTree();
        var run = BerthCli.Run(["init", RepoPaths.Fixture(fixture), "--out", tree.PathOf("out"), "--k8s", "none", "--no-compose", .. options]);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        return (run.Stdout, File.ReadAllText(tree.PathOf("out/Dockerfile")));
    }

    /// <summary>The server's command: the last CMD (the HEALTHCHECK's comes before it).</summary>
    private static string Cmd(string dockerfile) => dockerfile.Split('\n').Last(l => l.StartsWith("CMD [", StringComparison.Ordinal));

    [Fact]
    public void A_procfile_worker_count_and_forwarded_ips_reach_gunicorns_command_and_a_log_file_does_not()
    {
        using var tree = TempTree.CopyOf(RepoPaths.Fixture("stated-flags-procfile"));
        var run = BerthCli.Run("init", tree.Root, "--k8s", "none", "--no-compose");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var dockerfile = File.ReadAllText(tree.PathOf("Dockerfile"));
        Assert.Contains("""CMD ["gunicorn", "app:app", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--graceful-timeout", "10", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "--forwarded-allow-ips", "10.0.0.1,10.0.0.2"]""", dockerfile);
        Assert.Contains("#   server flags the repository states: --workers 3 (Procfile:1), --forwarded-allow-ips 10.0.0.1,10.0.0.2 (Procfile:1)", dockerfile);
        Assert.Contains("drops --error-logfile /var/log/web.log (gunicorn, Procfile:1): the container logs to stdout", run.Stdout);
    }

    [Fact]
    public void Fastapi_run_workers_become_uvicorn_workers_and_kubernetes_requests_follow()
    {
        var run = BerthCli.Run("init", RepoPaths.Fixture("stated-flags-fastapi-run"), "--dry-run", "--k8s", "kustomize");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Contains("keeps --workers 4 (fastapi run, Dockerfile:6): the repository's statement wins over one process per container", run.Stdout);
        Assert.Contains("resources: 4 server processes per container", run.Stdout);
        Assert.Equal("""CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]""", Cmd(Init("stated-flags-fastapi-run").Dockerfile));
    }

    [Fact]
    public void Uvicorn_flags_under_gunicorn_are_translated_or_dropped_with_the_reason()
    {
        var (stdout, dockerfile) = Init("stated-flags-uvicorn", "--server", "gunicorn");
        Assert.Equal("""CMD ["gunicorn", "app.main:app", "--bind", "0.0.0.0:8000", "--worker-class", "uvicorn.workers.UvicornWorker", "--timeout", "30", "--graceful-timeout", "10", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "--forwarded-allow-ips", "*"]""", Cmd(dockerfile));
        Assert.Contains("--proxy-headers (uvicorn, boot.sh:3) needs no flag under gunicorn", stdout);
        Assert.Contains("drops --root-path /api (uvicorn, boot.sh:3): gunicorn has no equivalent", stdout);
        Assert.Contains("    WEB_CONCURRENCY=2\n", dockerfile);
    }

    [Fact]
    public void Workers_asked_at_init_win_over_the_stated_count()
    {
        var (stdout, dockerfile) = Init("stated-flags-procfile", "--workers", "5");
        Assert.Contains("drops --workers 3 (gunicorn, Procfile:1): --workers 5 was asked for at init", stdout);
        Assert.Contains("\"--workers\", \"5\"", Cmd(dockerfile));
    }

    [Fact]
    public void A_gunicorn_config_timeout_replaces_berths_and_its_pid_file_is_moved_to_tmp_since_gunicorn_reads_the_file_itself()
    {
        var (stdout, dockerfile) = Init("stated-flags-gunicorn-conf");
        Assert.Equal("""CMD ["gunicorn", "wsgi:app", "--bind", "0.0.0.0:8000", "--workers", "2", "--timeout", "120", "--graceful-timeout", "10", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "--forwarded-allow-ips", "*", "--pid", "/tmp/gunicorn.pid"]""", Cmd(dockerfile));
        Assert.Contains("gunicorn reads /app/gunicorn.conf.py by itself (gunicorn.conf.py)", stdout);
        Assert.Contains("overrides --pid /run/gunicorn.pid (gunicorn.conf.py:9) with --pid /tmp/gunicorn.pid", stdout);
        Assert.Contains("drops --access-logfile /var/log/gunicorn/access.log (gunicorn, gunicorn.conf.py:8)", stdout);
    }

    [Fact]
    public void Gunicorn_only_settings_under_uvicorn_are_dropped_and_the_worker_count_and_forwarded_ips_carry_over()
    {
        var (stdout, dockerfile) = Init("stated-flags-gunicorn-conf", "--server", "uvicorn");
        Assert.Equal("""CMD ["uvicorn", "wsgi:app", "--host", "0.0.0.0", "--port", "8000", "--interface", "wsgi", "--workers", "2", "--forwarded-allow-ips", "*"]""", Cmd(dockerfile));
        Assert.Contains("drops --timeout 120 (gunicorn, gunicorn.conf.py:5): uvicorn has no equivalent", stdout);
        Assert.Contains("keeps --forwarded-allow-ips * (gunicorn, gunicorn.conf.py:6): gunicorn's setting, as uvicorn spells it", stdout);
    }
}
