namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF211: <c>apk add curl</c> without <c>curl=&lt;version&gt;</c>, in a stage that reaches the final image. Info: Alpine drops old versions.</summary>
public sealed class ApkAddUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF211", "apk-add-unpinned", Severity.Info,
        "apk add of a package without a version, in a stage that reaches the final image", ["DL3018"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var add in PackageCommands.FindShipped(context, ["apk"], ["add"], PackageCommands.ApkOptionsWithValue))
        {
            var unpinned = add.Packages(PackageCommands.ApkOptionsWithValue).Where(static p => p.Value.IndexOfAny(['=', '~', '<', '>']) < 0 && !PackageCommands.IsNotAName(p.Value, ".apk")).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, "apk adds", " without a version",
                static name => $"{name}=<version>", UnpinnedPackages.DistroFix);
        }
    }
}
