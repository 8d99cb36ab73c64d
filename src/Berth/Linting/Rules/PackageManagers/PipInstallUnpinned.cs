namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF208: <c>pip install fastapi</c> (or <c>pipx install black</c>) without <c>==version</c>, and a VCS URL without <c>@revision</c>.
/// Requirement files, constraints, paths, archives and pinned VCS URLs are not flagged.
/// </summary>
public sealed class PipInstallUnpinned : DockerfileRule
{
    private static readonly string[] Tooling = ["pip", "setuptools", "wheel"];

    public override RuleInfo Info { get; } = new("BDF208", "pip-install-unpinned", Severity.Warning,
        "pip install of a package without a version", ["DL3013"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (PipInstall.Read(command, orPipx: true) is not { } pip || pip.Has("-c", "--constraint"))
                continue;
            var upgrade = pip.Has("-U", "--upgrade");
            var unpinned = pip.Operands().Where(o => (PipInstall.IsBareName(o.Value) && !(upgrade && Array.IndexOf(Tooling, PipInstall.NameOf(o.Value)) >= 0))
                                                     || PipInstall.IsUnpinnedVcs(o.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, $"{(command.Name == "pipx" ? "pipx" : "pip")} installs", " at whatever version is newest when the image builds",
                PipInstall.Pin, static (pins, it) => $"Pin {it} ({pins}), or list {it} in a requirements file installed with -r");
        }
    }
}
