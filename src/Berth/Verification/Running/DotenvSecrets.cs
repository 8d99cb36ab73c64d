using Berth.Apps;
using System.Text.RegularExpressions;

namespace Berth.Verification.Running;

/// <summary>A secret value found in a .env file or --env-file: where it came from and under which name. The value is only compared, never shown.</summary>
public sealed record DotenvSecret(string Name, string Value, string Source);

/// <summary>
/// The secret values of an app's own .env files (<c>.env</c>, <c>.env.*</c> beside the app and in the build context, templates excepted) and
/// of <c>--env-file</c>: values under secret-looking names, and the password of any URL with credentials (a DATABASE_URL).
/// Short values (under 6 characters) are left out: they match too much to prove a leak.
/// </summary>
public static partial class DotenvSecrets
{
    private const int MinimumLength = 6;

    public static IReadOnlyList<DotenvSecret> Find(IEnumerable<string> folders, EnvFile? envFile, string? envFilePath)
    {
        var found = new List<DotenvSecret>();
        if (envFile is not null)
            Collect(envFile, Path.GetFileName(envFilePath ?? "--env-file"), found);
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, ".env*").Where(p => DotenvFiles.HoldsValues(Path.GetFileName(p))).Order(StringComparer.Ordinal))
            {
                EnvFile file;
                try
                {
                    file = EnvFile.Read(path);
                }
                catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
                {
                    continue; // not in KEY=VALUE form (or unreadable): nothing to compare
                }
                Collect(file, Path.GetFileName(path), found);
            }
        }
        return [.. found.DistinctBy(s => (s.Name, s.Value))];
    }

    private static void Collect(EnvFile file, string source, List<DotenvSecret> found)
    {
        foreach (var (name, raw) in file.Values)
        {
            var value = raw.Trim().Trim('"', '\'');
            if (SecretNames.IsSecret(name) && value.Length >= MinimumLength)
                found.Add(new DotenvSecret(name, value, source));
            if (UrlPassword().Match(value) is { Success: true } match && match.Groups[1].Value.Length >= MinimumLength)
                found.Add(new DotenvSecret(name + " (its password)", match.Groups[1].Value, source));
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:([^@/\s]+)@")]
    private static partial Regex UrlPassword();
}
