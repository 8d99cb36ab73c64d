namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF212: <c>apk add</c> without <c>--no-cache</c> (or a cache mount on /var/cache/apk, or removing it in the same RUN), in a stage that reaches the final image.</summary>
public sealed class ApkCacheKept : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF212", "apk-cache-kept", Severity.Info,
        "apk add without --no-cache keeps the package index in a layer of the final image", ["DL3019", "DS-0025"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var add in PackageCommands.FindShipped(context, ["apk"], ["add"], PackageCommands.ApkOptionsWithValue))
        {
            if (RunCommands.HasOption(add.Command, ["--no-cache"]) || PackageCommands.Cleans(add, ["apk"], ["cache"], ["/var/cache/apk", "/etc/apk/cache"]))
                continue;
            findings.Add(At(context, add.Subcommand.Span, "apk add keeps the downloaded package index in this layer",
                "Use apk add --no-cache, or mount a cache: RUN --mount=type=cache,target=/var/cache/apk"));
        }
    }
}
