namespace Berth.Linting.Rules.PackageManagers;

/// <summary>The RUN / package-manager family (BDF2xx): apt, apk, yum, dnf, zypper, pip, npm, gem, go, yarn, shell hygiene, TLS bypass.</summary>
public static class PackageManagerRules
{
    public static IReadOnlyList<DockerfileRule> All { get; } = [];
}
