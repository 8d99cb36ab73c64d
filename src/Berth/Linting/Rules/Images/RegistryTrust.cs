using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// Whether an image comes from a registry the configuration trusts. An entry is a registry host (<c>quay.io</c>, <c>localhost:5000</c>),
/// <c>*</c>, a suffix (<c>*.example.com</c>), a prefix (<c>registry.*</c>) or a repository prefix (<c>ghcr.io/acme</c>, matched on
/// whole path segments). Images without a registry are Docker Hub's, which <c>docker.io</c>, <c>hub.docker.com</c>,
/// <c>index.docker.io</c> and <c>registry-1.docker.io</c> all name. Hosts compare case-insensitively.
/// </summary>
internal static class RegistryTrust
{
    public const string DockerHub = "docker.io";

    private static readonly string[] DockerHubAliases = ["docker.io", "hub.docker.com", "index.docker.io", "registry-1.docker.io"];

    /// <summary>The registry host an image is pulled from (docker.io for Docker Hub names).</summary>
    public static string Registry(ImageReference image) => Host(image.Registry ?? DockerHub);

    /// <summary>Registry and repository as a pull would name them: docker.io/library/python for python.</summary>
    public static string FullName(ImageReference image)
    {
        var registry = Registry(image);
        var repository = registry == DockerHub && !image.Repository.Contains('/', StringComparison.Ordinal) ? "library/" + image.Repository : image.Repository;
        return registry + "/" + repository;
    }

    public static bool IsTrusted(ImageReference image, IReadOnlyList<string> trusted) => trusted.Any(entry => Matches(image, entry));

    public static bool Matches(ImageReference image, string entry)
    {
        var pattern = Normalize(entry);
        if (pattern.Length == 0)
            return false;
        if (pattern == "*")
            return true;
        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var full = FullName(image);
            var prefix = Host(pattern[..slash]) + pattern[slash..];
            return full.StartsWith(prefix + "/", StringComparison.Ordinal) || full == prefix;
        }
        var registry = Registry(image);
        if (pattern.StartsWith('*'))
            return registry.EndsWith(pattern[1..], StringComparison.Ordinal);
        if (pattern.EndsWith('*'))
            return registry.StartsWith(pattern[..^1], StringComparison.Ordinal);
        return Host(pattern) == registry;
    }

    /// <summary>An entry without a scheme or trailing slash, its host lower-cased.</summary>
    private static string Normalize(string entry)
    {
        var text = entry.Trim();
        foreach (var scheme in (string[])["https://", "http://"])
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                text = text[scheme.Length..];
        }
        text = text.TrimEnd('/');
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? text.ToLowerInvariant() : text[..slash].ToLowerInvariant() + text[slash..];
    }

    private static string Host(string host)
    {
        var lower = host.ToLowerInvariant();
        return DockerHubAliases.Contains(lower) ? DockerHub : lower;
    }
}
