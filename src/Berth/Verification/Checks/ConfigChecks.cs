using System.Globalization;
using Berth.Apps;

namespace Berth.Verification.Checks;

/// <summary>Checks of the image's runtime configuration (user, command, ports, env names, labels), from inspect and the stacked filesystem.</summary>
public static class ConfigChecks
{
    private static readonly string[] RecommendedLabels =
        ["org.opencontainers.image.title", "org.opencontainers.image.source", "org.opencontainers.image.revision", "org.opencontainers.image.version", "org.opencontainers.image.base.name"];

    /// <summary>Names that look secret but are public metadata of official images.</summary>
    private static readonly string[] PublicKeyNames = ["GPG_KEY", "GPG_KEYS", "PYTHON_GPG_KEY", "NODE_GPG_KEYS"];

    public static CheckResult NonRootUser(ImageFacts image)
    {
        var user = image.Config.User;
        var evidence = $"image config User = \"{user}\"";
        if (user.Length == 0)
            return CheckResult.Fail(VerifyCheck.NonRootUser, "no USER: the container runs as root", evidence);
        var name = user.Split(':')[0];
        if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            return CheckResult.Fail(VerifyCheck.NonRootUser,
                $"USER {user} is a name: Kubernetes runAsNonRoot cannot prove a name is not root — use the numeric uid (USER 10001:10001)", evidence);
        }
        return uid == 0
            ? CheckResult.Fail(VerifyCheck.NonRootUser, "USER is uid 0 (root)", evidence)
            : CheckResult.Pass(VerifyCheck.NonRootUser, $"runs as uid {uid}", evidence);
    }

    /// <summary>The numeric uid the image declares, or null.</summary>
    public static int? DeclaredUid(ImageFacts image) =>
        int.TryParse(image.Config.User.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;

    public static CheckResult ExecEntrypoint(ImageFacts image)
    {
        var command = image.Config.Command;
        var evidence = new List<string> { $"Entrypoint {Json(image.Config.Entrypoint)}, Cmd {Json(image.Config.Cmd)}" };
        if (command.Count == 0)
            return CheckResult.Fail(VerifyCheck.ExecEntrypoint, "the image has no ENTRYPOINT or CMD", evidence);
        if (IsShellForm(command))
        {
            var script = command.Count > 2 ? command[2] : "";
            if (!script.TrimStart().StartsWith("exec ", StringComparison.Ordinal))
            {
                return CheckResult.Fail(VerifyCheck.ExecEntrypoint,
                    $"shell form: {command[0]} -c \"{TextClip.Shorten(script, 60)}\" runs as PID 1 and does not pass SIGTERM on — use the exec form [\"prog\", \"arg\"]",
                    evidence);
            }
        }
        var path = image.Config.EnvValue("PATH");
        var program = command[0];
        var found = image.FileSystem.FindOnPath(program, path);
        if (found is null)
        {
            return CheckResult.Fail(VerifyCheck.ExecEntrypoint,
                program.Contains('/') ? $"{program} does not exist in the image (or is not executable)" : $"{program} is not on the image's PATH ({path ?? "default PATH"})",
                evidence);
        }
        var resolved = image.FileSystem.ResolvePath(found);
        evidence.Add($"{program} → {found}{(resolved is not null && "/" + resolved != found ? " → /" + resolved : "")}");
        if (image.FileSystem.Resolve(found)?.File.Shebang is { } shebang)
        {
            var interpreter = shebang.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)[0];
            evidence.Add($"#!{shebang}");
            if (image.FileSystem.FindOnPath(interpreter, path) is null)
            {
                return CheckResult.Fail(VerifyCheck.ExecEntrypoint,
                    $"{found} is a script for {interpreter}, which is not in the image (a venv copied from a stage whose interpreter lives elsewhere?)", evidence);
            }
            if (Path.GetFileName(interpreter) == "env" && shebang.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var target, ..]
                && image.FileSystem.FindOnPath(target, path) is null)
            {
                return CheckResult.Fail(VerifyCheck.ExecEntrypoint, $"{found} runs `{shebang}` but {target} is not on PATH", evidence);
            }
        }
        var resolvedTo = resolved is not null && "/" + resolved != found ? $" → /{resolved}" : "";
        return CheckResult.Pass(VerifyCheck.ExecEntrypoint, $"exec form; {program} is {found}{resolvedTo}", evidence);
    }

    public static bool IsShellForm(IReadOnlyList<string> command) =>
        command.Count >= 2 && command[1] == "-c" && Path.GetFileName(command[0]) is "sh" or "bash" or "dash" or "ash";

    public static CheckResult ExposedPort(ImageFacts image, int? appPort)
    {
        var exposed = image.Config.ExposedPorts;
        var evidence = $"ExposedPorts {Json(exposed)}";
        if (appPort is null)
            return CheckResult.Skip(VerifyCheck.ExposedPort, "the app's port is unknown (no app folder scanned)", evidence);
        var key = appPort.Value.ToString(CultureInfo.InvariantCulture) + "/tcp";
        if (exposed.Contains(key, StringComparer.Ordinal))
            return CheckResult.Pass(VerifyCheck.ExposedPort, $"exposes {key}, the port the app listens on", evidence);
        return CheckResult.Fail(VerifyCheck.ExposedPort,
            exposed.Count == 0 ? $"exposes no port; the app listens on {appPort}" : $"exposes {string.Join(", ", exposed)} but the app listens on {appPort}", evidence);
    }

    public static CheckResult SecretEnv(ImageFacts image)
    {
        var names = image.Config.EnvNames().Where(n => !PublicKeyNames.Contains(n, StringComparer.Ordinal) && SecretNames.IsSecret(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return CheckResult.Pass(VerifyCheck.NoSecretEnv, $"{image.Config.Env.Count} environment variables, none secret-looking");
        return CheckResult.Fail(VerifyCheck.NoSecretEnv,
            $"secret-looking variables baked into the image: {string.Join(", ", names)} (values not shown) — pass them at run time from a Secret",
            [.. names.Select(n => $"ENV {n}=…")]);
    }

    /// <summary>Looks for each .env secret value in the image's ENV values, label values and every layer's created-by (where ARG/ENV/RUN values show).</summary>
    public static CheckResult DotenvValues(ImageFacts image, IReadOnlyList<Running.DotenvSecret> secrets)
    {
        if (secrets.Count == 0)
            return CheckResult.Skip(VerifyCheck.NoDotenvValues, "no .env file with secret values beside the app and no --env-file: nothing to compare");
        var places = new List<(string Where, string Text)>();
        places.AddRange(image.Config.EnvVariables().Select(v => ("ENV " + v.Name, v.Value)));
        places.AddRange(image.Config.Labels.Select(l => ("LABEL " + l.Key, l.Value)));
        places.AddRange(image.Layers.Select(l => ($"history of layer {l.Index}", l.CreatedBy)));
        var leaks = (from secret in secrets
                     from place in places
                     where place.Text.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.Name} from {secret.Source} in {place.Where}").Distinct(StringComparer.Ordinal).ToList();
        var names = string.Join(", ", secrets.Select(s => s.Name).Distinct(StringComparer.Ordinal));
        return leaks.Count == 0
            ? CheckResult.Pass(VerifyCheck.NoDotenvValues, $"{secrets.Count} secret value{(secrets.Count == 1 ? "" : "s")} ({names}) found nowhere in the image's environment, labels or history")
            : CheckResult.Fail(VerifyCheck.NoDotenvValues, $"{leaks.Count} .env secret value{(leaks.Count == 1 ? " is" : "s are")} baked into the image (values not shown): pass them at run time, never as ENV, LABEL or build arguments", [.. leaks]);
    }

    public static CheckResult OciLabels(ImageFacts image)
    {
        var present = image.Config.Labels.Keys.Where(k => k.StartsWith("org.opencontainers.image.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (present.Count == 0)
            return CheckResult.Fail(VerifyCheck.OciLabels, "no org.opencontainers.image.* labels: registries and scanners cannot tell what the image is or where it came from");
        var missing = RecommendedLabels.Where(l => !present.Contains(l, StringComparer.Ordinal)).Select(l => l["org.opencontainers.image.".Length..]).ToList();
        var detail = $"{present.Count} OCI label{(present.Count == 1 ? "" : "s")}" + (missing.Count == 0 ? "" : $"; add at build time: {string.Join(", ", missing)} (e.g. --label org.opencontainers.image.revision=$(git rev-parse HEAD))");
        return CheckResult.Pass(VerifyCheck.OciLabels, detail, [.. present.Select(p => $"{p}={image.Config.Labels[p]}")]);
    }

    private static string Json(IReadOnlyList<string> values) => "[" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "]";
}
