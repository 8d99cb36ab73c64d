namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF221: dnf or microdnf install without dnf clean all leaves its cache in a layer of the final image. Accepts a later clean in the same RUN, an rm of the cache, or a cache mount; only stages that reach the final image.</summary>
public sealed class DnfCacheNotCleaned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF221", "dnf-cache-not-cleaned", Severity.Warning,
        "dnf or microdnf install without dnf clean all leaves its cache in a layer of the final image.", ["DL3040", "DS-0019", "DS-0027"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.FindShipped(context, PackageCommands.DnfTools, PackageCommands.RpmDownloadSubcommands, PackageCommands.RpmOptionsWithValue))
        {
            if (PackageCommands.Cleans(install, PackageCommands.DnfTools, ["clean"], ["/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"]))
                continue;
            findings.Add(At(context, install.Subcommand.Span, $"'{install.Command.Name} {install.Subcommand.Value}' leaves its package cache in this layer", "End the same RUN with '&& dnf clean all' (microdnf clean all), or mount a cache: RUN --mount=type=cache,target=/var/cache/dnf"));
        }
    }
}
