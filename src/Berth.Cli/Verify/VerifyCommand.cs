using System.CommandLine;
using Berth.Reporting;
using Berth.Verification;
using Berth.Verification.Engine;

namespace Berth.Cli.Verify;

/// <summary>
/// <c>berth verify [PATH] [--dockerfile FILE] [--image REF] [--size-budget MB] [--format text|json|html] [--output FILE] [--keep]
/// [--timeout S] [--engine docker|podman] [--env K=V]... [--env-file FILE]</c>.
/// </summary>
public static class VerifyCommand
{
    public const int Interrupted = 130;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string?>("path") { Description = "The app folder: scanned for its port, health routes and settings; its Dockerfile is built (default: .)", Arity = ArgumentArity.ZeroOrOne };
        var dockerfile = new Option<string?>("--dockerfile") { Description = "Build this Dockerfile instead of PATH/Dockerfile" };
        var image = new Option<string?>("--image") { Description = "Check an existing image instead of building one (it is never removed)" };
        var sizeBudget = new Option<double?>("--size-budget") { Description = "Fail when the image is larger than this many MB (default 300)" };
        var format = new Option<string>("--format") { Description = "text, json or html (a self-contained page with the layer chart)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout" };
        var keep = new Option<bool>("--keep") { Description = "Keep the built image (containers are always removed)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds the app may take to answer its health route after start", DefaultValueFactory = _ => 60 };
        var engineName = new Option<string?>("--engine") { Description = "docker or podman (default: docker, or podman when docker is not installed)" };
        engineName.AcceptOnlyFromAmong("docker", "podman");
        var env = new Option<string[]>("--env", "-e") { Description = "KEY=VALUE given to the container (repeatable); required settings nobody gives get typed placeholders", AllowMultipleArgumentsPerToken = false };
        var envFile = new Option<string?>("--env-file") { Description = "A docker env file for the container (its values never appear in the report)" };
        var command = new Command("verify", "Build the image, run it like production and prove the checklist: non-root, size, health GET+HEAD, graceful stop, no build tools...")
        {
            path, dockerfile, image, sizeBudget, format, output, keep, timeout, engineName, env, envFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new VerifyOptions
            {
                AppPath = parse.GetValue(path) ?? (parse.GetValue(image) is null ? "." : null),
                Dockerfile = parse.GetValue(dockerfile),
                Image = parse.GetValue(image),
                SizeBudgetBytes = parse.GetValue(sizeBudget) is { } mb ? (long)(mb * 1_000_000) : null,
                Keep = parse.GetValue(keep),
                StartTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                Environment = EnvironmentPairs(parse.GetValue(env) ?? []),
                EnvFile = parse.GetValue(envFile),
            };
            if (options.EnvFile is not null && !File.Exists(options.EnvFile))
                throw new InputException(options.EnvFile, 0, "no such env file");
            var reportFormat = parse.GetValue(format)!;
            var engine = new ContainerEngine(EngineExecutable(parse.GetValue(engineName)), new ProcessCommandRunner());
            var progress = VerifyProgress.For(reportFormat, stderr);
            VerifyReport report;
            try
            {
                report = await new VerifyRun(engine, progress).ExecuteAsync(options, cancellationToken);
            }
            catch (VerifyRun.EngineUnavailableException e)
            {
                await stderr.WriteLineAsync($"berth: {e.Message}");
                return BerthApp.InputError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await stderr.WriteLineAsync("berth: verify interrupted; the containers and image it created were removed");
                return Interrupted;
            }
            finally
            {
                progress.Done();
            }
            var text = reportFormat switch
            {
                "json" => VerifyJsonRenderer.Render(report),
                "html" => VerifyHtmlRenderer.Render(report),
                _ => VerifyTextRenderer.Render(report),
            };
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, text, CancellationToken.None);
                await stderr.WriteLineAsync($"berth: report written to {file}");
            }
            else
            {
                await stdout.WriteAsync(text);
            }
            return report.Passed ? BerthApp.Ok : BerthApp.Findings;
        });
        return command;
    }

    private static Dictionary<string, string> EnvironmentPairs(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new InputException("--env", 0, $"expected KEY=VALUE, got '{(equals < 0 ? pair : pair[..equals])}…'");
            values[pair[..equals]] = pair[(equals + 1)..];
        }
        return values;
    }

    private static string EngineExecutable(string? requested)
    {
        if (requested is not null)
            return requested;
        return OnPath("docker") || !OnPath("podman") ? "docker" : "podman";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
