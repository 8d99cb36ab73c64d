using Berth.Verification.Engine;

namespace Berth.Verification.Checks;

/// <summary>
/// The image's own HEALTHCHECK (what docker and compose use; Kubernetes ignores it): its program must be in the image — curl is not in
/// <c>python:*-slim</c>, nothing shell-form works on distroless — and run inside the container it must exit 0 once the app is up.
/// </summary>
public static class HealthcheckChecks
{
    /// <summary>The argument vector docker runs for the HEALTHCHECK, or null when there is none.</summary>
    public static IReadOnlyList<string>? Command(ImageFacts image)
    {
        var test = image.Config.Healthcheck;
        if (test.Count == 0 || test[0] == "NONE")
            return null;
        return test[0] switch
        {
            "CMD" when test.Count > 1 => [.. test.Skip(1)],
            "CMD-SHELL" when test.Count > 1 => ["/bin/sh", "-c", test[1]],
            _ => null,
        };
    }

    /// <summary>Programs the HEALTHCHECK needs that are not in the image (the shell for CMD-SHELL, then each command's program).</summary>
    public static IReadOnlyList<string> MissingPrograms(ImageFacts image, IReadOnlyList<string> command)
    {
        var path = image.Config.EnvValue("PATH");
        var missing = new List<string>();
        if (image.FileSystem.FindOnPath(command[0], path) is null)
            missing.Add(command[0]);
        if (command.Count >= 3 && command[1] == "-c" && ConfigChecks.IsShellForm(command))
        {
            foreach (var program in ShellPrograms(command[2]))
            {
                if (!ShellBuiltins.Contains(program, StringComparer.Ordinal) && image.FileSystem.FindOnPath(program, path) is null)
                    missing.Add(program);
            }
        }
        return [.. missing.Distinct(StringComparer.Ordinal)];
    }

    public static CheckResult Static(ImageFacts image)
    {
        if (Command(image) is not { } command)
            return CheckResult.Skip(VerifyCheck.HealthcheckCommand, "the image has no HEALTHCHECK (Kubernetes uses its own probes; docker and compose show no health)");
        var missing = MissingPrograms(image, command);
        var evidence = $"HEALTHCHECK {string.Join(' ', image.Config.Healthcheck)}";
        return missing.Count == 0
            ? CheckResult.Pass(VerifyCheck.HealthcheckCommand, $"{command[0]} is in the image (not run: the container did not start)", evidence)
            : Missing(missing, image, evidence);
    }

    public static CheckResult Ran(ImageFacts image, IReadOnlyList<string> command, CommandResult result)
    {
        var evidence = new List<string> { $"HEALTHCHECK {string.Join(' ', image.Config.Healthcheck)}", $"exec in the container: exit {result.ExitCode}" };
        evidence.AddRange((result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
        var missing = MissingPrograms(image, command);
        if (missing.Count > 0)
            return Missing(missing, image, evidence[0], [.. evidence.Skip(1)]);
        return result.Succeeded
            ? CheckResult.Pass(VerifyCheck.HealthcheckCommand, "the HEALTHCHECK command exits 0 inside the running container", evidence)
            : CheckResult.Fail(VerifyCheck.HealthcheckCommand,
                result.TimedOut ? "the HEALTHCHECK command did not finish" : $"the HEALTHCHECK command exits {result.ExitCode} while the app answers its health route", evidence);
    }

    private static CheckResult Missing(IReadOnlyList<string> missing, ImageFacts image, string evidence, params IReadOnlyList<string> more)
    {
        var hint = missing.Any(m => m is "curl" or "wget")
            ? " — use the image's own interpreter, e.g. python -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:PORT/health')\""
            : missing.Any(m => m.EndsWith("/sh", StringComparison.Ordinal)) ? " — distroless has no shell: use the exec form [\"CMD\", \"prog\", ...]" : "";
        return CheckResult.Fail(VerifyCheck.HealthcheckCommand,
            $"the HEALTHCHECK needs {string.Join(", ", missing)}, which {(missing.Count == 1 ? "is" : "are")} not in the image: docker will mark the container unhealthy{hint}",
            [evidence, .. more]);
    }

    private static readonly string[] ShellBuiltins = ["exit", "test", "[", "true", "false", "echo", "printf", "cd", "set", "exec", "command", "!"];

    /// <summary>The program of each simple command in a one-line script (split on ; && || |, leading VAR=value assignments skipped).</summary>
    internal static IEnumerable<string> ShellPrograms(string script)
    {
        var segments = script.Replace("&&", ";", StringComparison.Ordinal).Replace("||", ";", StringComparison.Ordinal).Split([';', '|', '\n']);
        foreach (var segment in segments)
        {
            var words = segment.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.Contains('=') && !w.StartsWith('-'));
            var first = words.FirstOrDefault()?.Trim('(', ')', '{', '}');
            if (first is { Length: > 0 } && !first.StartsWith('$'))
                yield return first;
        }
    }
}
