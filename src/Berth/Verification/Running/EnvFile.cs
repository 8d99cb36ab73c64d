namespace Berth.Verification.Running;

/// <summary>
/// The variables of a <c>--env-file</c> (docker's format: KEY=VALUE per line, # comments, KEY alone takes the caller's value).
/// Verify needs the names (not to invent what is given) and the values (to blank them out of anything it prints).
/// </summary>
public sealed record EnvFile(IReadOnlyDictionary<string, string> Values)
{
    public static EnvFile Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? line : line[..equals]).Trim();
            if (name.StartsWith("export ", StringComparison.Ordinal))
                name = name["export ".Length..].Trim();
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                throw new InputException(path, number, "not a KEY=VALUE line (docker --env-file format)");
            values[name] = equals < 0 ? Environment.GetEnvironmentVariable(name) ?? "" : line[(equals + 1)..];
        }
        return new EnvFile(values);
    }
}

/// <summary>Blanks every given value out of text verify prints (logs, evidence), so values from .env files and secrets never reach a report.</summary>
public sealed class Redactor(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = [.. secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }

    public CheckResult Apply(CheckResult check) =>
        check with { Detail = Apply(check.Detail), Evidence = [.. check.Evidence.Select(Apply)] };
}
