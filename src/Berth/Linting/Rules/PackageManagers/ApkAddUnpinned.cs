namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF211: <c>apk add curl</c> without <c>curl=&lt;version&gt;</c>, in a stage that reaches the final image. Info: Alpine drops old versions.</summary>
public sealed class ApkAddUnpinned : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF211", "apk-add-unpinned", Severity.Info,
        "apk add of a package without a version, in a stage that reaches the final image", ["DL3018"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var shipped = RunCommands.StagesInFinalImage(context);
        foreach (var add in PackageCommands.Find(context, ["apk"], ["add"], PackageCommands.ApkOptionsWithValue).Where(a => shipped.Contains(a.Stage)))
        {
            foreach (var package in add.Packages(PackageCommands.ApkOptionsWithValue))
            {
                var name = package.Value;
                if (name.IndexOfAny(['=', '~', '<', '>']) >= 0 || PackageCommands.IsNotAName(name, ".apk"))
                    continue;
                findings.Add(At(context, package.Span, $"apk adds '{name}' without a version", $"Pin it ({name}=<version>) if you need byte-for-byte rebuilds; pin the base image by digest first"));
            }
        }
    }
}
