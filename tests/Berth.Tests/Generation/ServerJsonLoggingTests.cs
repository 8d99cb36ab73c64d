using Berth.Generation.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Generation;

/// <summary>An app that logs JSON gets the server's own lines as JSON too: a --log-config file and a formatter module, carried in the Dockerfile.</summary>
public sealed class ServerJsonLoggingTests
{
    public static TheoryData<string> Servers() => ["gunicorn", "uvicorn"];

    [Theory]
    [MemberData(nameof(Servers))]
    public void Every_line_travels_as_one_single_quoted_shell_word(string server)
    {
        foreach (var line in ServerJsonLogging.ConfigLines(server).Concat(ServerJsonLogging.ModuleLines))
        {
            Assert.DoesNotContain('\'', line);
            Assert.DoesNotContain('\\', line);
            Assert.DoesNotContain('\n', line);
        }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public void Each_logger_section_names_what_gunicorns_defaults_would_otherwise_fill_in(string server)
    {
        var sections = Sections(ServerJsonLogging.ConfigLines(server));
        var keys = sections["loggers"]["keys"].Split(',');
        Assert.Equal("root", keys[0]);
        Assert.Equal("", sections["logger_root"]["handlers"]);
        Assert.False(sections["logger_root"].ContainsKey("level"), "the root logger's level is the app's to set");
        foreach (var key in keys.Skip(1))
        {
            var logger = sections["logger_" + key];
            Assert.True(logger.ContainsKey("handlers") && logger.ContainsKey("propagate") && logger.ContainsKey("qualname"), $"logger_{key} lacks handlers, propagate or qualname");
            Assert.StartsWith(server + ".", logger["qualname"] + ".", StringComparison.Ordinal);
        }
        Assert.Equal("stdout", sections["handlers"]["keys"]);
        Assert.Equal("(sys.stdout,)", sections["handler_stdout"]["args"]);
        Assert.Equal(ServerJsonLogging.ModuleName + ".JsonFormatter", sections["formatter_json"]["class"]);
    }

    [Fact]
    public void Gunicorns_level_stays_with_its_log_level_flag_and_uvicorns_loggers_log_info()
    {
        var gunicorn = Sections(ServerJsonLogging.ConfigLines("gunicorn"));
        Assert.Equal(["gunicorn.access", "gunicorn.error"], gunicorn.Where(s => s.Key.StartsWith("logger_gunicorn", StringComparison.Ordinal)).Select(s => s.Value["qualname"]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(gunicorn, s => s.Key.StartsWith("logger_", StringComparison.Ordinal) && s.Value.ContainsKey("level"));
        var uvicorn = Sections(ServerJsonLogging.ConfigLines("uvicorn"));
        Assert.Equal(["uvicorn", "uvicorn.access", "uvicorn.error"], uvicorn.Where(s => s.Key.StartsWith("logger_uvicorn", StringComparison.Ordinal)).Select(s => s.Value["qualname"]).Order(StringComparer.Ordinal));
        Assert.All(uvicorn.Where(s => s.Key.StartsWith("logger_uvicorn", StringComparison.Ordinal)), s => Assert.Equal("INFO", s.Value["level"]));
        // uvicorn.error reaches stdout through "uvicorn"; the access lines have their own handler and do not propagate to it.
        Assert.Equal(("", "1"), (uvicorn["logger_uvicorn_error"]["handlers"], uvicorn["logger_uvicorn_error"]["propagate"]));
        Assert.Equal(("stdout", "0"), (uvicorn["logger_uvicorn_access"]["handlers"], uvicorn["logger_uvicorn_access"]["propagate"]));
    }

    [Theory]
    [InlineData("json-logs-gunicorn", "\"--access-logfile\", \"-\", \"--log-config\", \"/etc/berth/server-logging.ini\"]", "gunicorn's error and access lines")]
    [InlineData("json-logs-uvicorn", "\"--port\", \"8000\", \"--log-config\", \"/etc/berth/server-logging.ini\"]", "uvicorn's startup and access lines")]
    public void An_app_that_logs_json_gets_the_config_on_its_server_command(string fixture, string commandEnd, string decision)
    {
        using var output = new TempTree();
        var run = BerthCli.Run("init", RepoPaths.Fixture(fixture), "--out", output.Root, "--no-compose", "--k8s", "none");
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var dockerfile = File.ReadAllText(output.PathOf("Dockerfile"));
        var runtime = dockerfile[dockerfile.IndexOf("AS runtime", StringComparison.Ordinal)..];
        Assert.Contains(commandEnd + "\n", runtime);
        Assert.Contains("COPY --from=builder /berth/server-logging.ini /etc/berth/server-logging.ini\n", runtime);
        Assert.DoesNotContain("--chown", runtime[..runtime.IndexOf("server-logging.ini", StringComparison.Ordinal)].Split('\n')[^1]);
        Assert.Contains("/berth_json_logging.py\"\n", dockerfile[..dockerfile.IndexOf("AS runtime", StringComparison.Ordinal)]);
        Assert.Contains(decision, run.Stdout);
    }

    [Fact]
    public void An_app_that_does_not_log_json_keeps_the_server_defaults()
    {
        using var output = new TempTree();
        Assert.Equal(0, BerthCli.Run("init", RepoPaths.Fixture("flask-gunicorn"), "--out", output.Root, "--no-compose", "--k8s", "none").ExitCode);
        var dockerfile = File.ReadAllText(output.PathOf("Dockerfile"));
        Assert.DoesNotContain("--log-config", dockerfile);
        Assert.DoesNotContain(ServerJsonLogging.ModuleName, dockerfile);
    }

    private static Dictionary<string, Dictionary<string, string>> Sections(IReadOnlyList<string> lines)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var line in lines.Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('['))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections.Add(line.Trim('[', ']'), current);
                continue;
            }
            Assert.NotNull(current);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            current.Add(line[..equals], line[(equals + 1)..]);
        }
        return sections;
    }
}
