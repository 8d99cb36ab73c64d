namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF218: zypper install without zypper clean leaves its cache in a layer of the final image. Accepts a later clean in the same RUN, an rm of the cache, or a cache mount; only stages that reach the final image.</summary>
public sealed class ZypperCacheNotCleaned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF218", "zypper-cache-not-cleaned", Severity.Warning,
        "zypper install without zypper clean leaves its cache in a layer of the final image.", ["DL3036", "DS-0020"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var install in PackageCommands.FindShipped(context, ["zypper"], ["install", "in", "source-install", "si", "patch"], PackageCommands.ZypperOptionsWithValue))
        {
            if (PackageCommands.Cleans(install, ["zypper"], ["clean", "cc"], ["/var/cache/zypp"]))
                continue;
            findings.Add(At(context, install.Subcommand.Span, $"'{install.Command.Name} {install.Subcommand.Value}' leaves its package cache in this layer", "End the same RUN with '&& zypper clean --all'"));
        }
    }
}
