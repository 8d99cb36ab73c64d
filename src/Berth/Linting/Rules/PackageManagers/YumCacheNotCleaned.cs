namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF214: yum install without yum clean all leaves its cache in a layer of the final image. Accepts a later clean in the same RUN, an rm of the cache, or a cache mount; only stages that reach the final image.</summary>
public sealed class YumCacheNotCleaned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF214", "yum-cache-not-cleaned", Severity.Warning,
        "yum install without yum clean all leaves its cache in a layer of the final image.", ["DL3032", "DS-0015"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.FindShipped(context, ["yum"], PackageCommands.RpmDownloadSubcommands, PackageCommands.RpmOptionsWithValue))
        {
            if (PackageCommands.Cleans(install, ["yum"], ["clean"], ["/var/cache/yum"]))
                continue;
            findings.Add(At(context, install.Subcommand.Span, $"'{install.Command.Name} {install.Subcommand.Value}' leaves its package cache in this layer", "End the same RUN with '&& yum clean all && rm -rf /var/cache/yum'"));
        }
    }
}
