namespace Berth.Linting;

/// <summary>What a well-known base image ships: the facts app-aware rules need (a shell? curl? which Python? which user?).</summary>
public sealed record BaseImageFacts(
    string Pattern,
    bool HasShell,
    bool HasCurl,
    bool HasWget,
    string? PythonMinor,
    string? PythonPath,
    string DefaultUser,
    bool HasPackageManager)
{
    /// <summary>
    /// The table, most specific first. Patterns match the repository (without registry docker.io/library) and tag:
    /// '*' matches any run of characters. Kept as data: tests pin every row.
    /// </summary>
    public static IReadOnlyList<BaseImageFacts> Table { get; } =
    [
        new("gcr.io/distroless/python3-debian13:*debug*", true, false, true, "3.13", "/usr/bin/python3.13", "root", false),
        new("gcr.io/distroless/python3-debian13:*nonroot*", false, false, false, "3.13", "/usr/bin/python3.13", "65532", false),
        new("gcr.io/distroless/python3-debian13*", false, false, false, "3.13", "/usr/bin/python3.13", "root", false),
        new("gcr.io/distroless/python3-debian12:*debug*", true, false, true, "3.11", "/usr/bin/python3.11", "root", false),
        new("gcr.io/distroless/python3-debian12:*nonroot*", false, false, false, "3.11", "/usr/bin/python3.11", "65532", false),
        new("gcr.io/distroless/python3-debian12*", false, false, false, "3.11", "/usr/bin/python3.11", "root", false),
        new("gcr.io/distroless/python3-debian11*", false, false, false, "3.9", "/usr/bin/python3.9", "root", false),
        new("gcr.io/distroless/python3*", false, false, false, null, null, "root", false),
        new("gcr.io/distroless/nodejs*:*nonroot*", false, false, false, null, null, "65532", false),
        new("gcr.io/distroless/*:*debug*", true, false, true, null, null, "root", false),
        new("gcr.io/distroless/*:*nonroot*", false, false, false, null, null, "65532", false),
        new("gcr.io/distroless/*", false, false, false, null, null, "root", false),
        new("cgr.dev/chainguard/python:*-dev", true, false, false, null, null, "nonroot", true),
        new("cgr.dev/chainguard/*", false, false, false, null, null, "nonroot", false),
        new("scratch", false, false, false, null, null, "root", false),
        new("python:*alpine*", true, false, true, "{tag-minor}", "/usr/local/bin/python3", "root", true),
        new("python:*slim*", true, false, false, "{tag-minor}", "/usr/local/bin/python3", "root", true),
        new("python:*", true, true, true, "{tag-minor}", "/usr/local/bin/python3", "root", true),
        new("node:*alpine*", true, false, true, null, null, "root", true),
        new("node:*slim*", true, false, false, null, null, "root", true),
        new("node:*", true, true, true, null, null, "root", true),
        new("mcr.microsoft.com/dotnet/runtime-deps:*chiseled*", false, false, false, null, null, "1654", false),
        new("mcr.microsoft.com/dotnet/aspnet:*chiseled*", false, false, false, null, null, "1654", false),
        new("mcr.microsoft.com/dotnet/*", true, false, false, null, null, "root", true),
        new("debian:*slim*", true, false, false, null, null, "root", true),
        new("debian:*", true, false, false, null, null, "root", true),
        new("ubuntu:*", true, false, false, null, null, "root", true),
        new("alpine:*", true, false, true, null, null, "root", true),
        new("busybox:*", true, false, true, null, null, "root", false),
    ];

    /// <summary>The facts for an image reference ("python:3.12-slim", "docker.io/library/python:3.11"), or null when Berth does not know it.</summary>
    public static BaseImageFacts? For(string image)
    {
        var normalized = Normalize(image);
        foreach (var row in Table)
        {
            if (Matches(row.Pattern, normalized))
                return row.PythonMinor == "{tag-minor}" ? row with { PythonMinor = TagMinor(normalized) } : row;
        }
        return null;
    }

    private static string Normalize(string image)
    {
        var text = image.Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
            text = text[..at];
        foreach (var prefix in new[] { "docker.io/library/", "index.docker.io/library/", "docker.io/", "library/" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                break;
            }
        }
        var slash = text.LastIndexOf('/');
        return text.IndexOf(':', slash + 1) < 0 && text != "scratch" ? text + ":latest" : text;
    }

    /// <summary>"python:3.12-slim" → "3.12"; "python:3-slim" or "python:latest" → null (not pinned to a minor).</summary>
    private static string? TagMinor(string image)
    {
        var tag = image[(image.LastIndexOf(':') + 1)..];
        var parts = tag.Split('-')[0].Split('.');
        return parts.Length >= 2 && parts[0].All(char.IsAsciiDigit) && parts[1].All(char.IsAsciiDigit) && parts[1].Length > 0 ? parts[0] + "." + parts[1] : null;
    }

    private static bool Matches(string pattern, string text)
    {
        // Glob with '*' only; linear backtracking on the last star.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
