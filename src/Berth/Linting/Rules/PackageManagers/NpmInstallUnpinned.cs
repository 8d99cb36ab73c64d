namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF223: <c>npm install express</c> without <c>@version</c>, and a git URL without <c>#ref</c>. Installs from the lock (<c>npm ci</c>,
/// <c>npm install</c> with no package), folders, tarballs (<c>.tgz</c>, <c>.tar.gz</c>, <c>.tar</c>) and git URLs with a ref are not flagged.
/// </summary>
public sealed class NpmInstallUnpinned : DockerfileRule
{
    private static readonly string[] OptionsWithValue = ["--prefix", "--registry", "--cache", "-w", "--workspace", "--omit", "--include", "--tag", "--userconfig", "--loglevel"];

    public override RuleInfo Info { get; } = new("BDF223", "npm-install-unpinned", Severity.Warning,
        "npm install of a package without a version", ["DL3016"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "npm" || RunCommands.FirstOperand(command, OptionsWithValue)?.Value is not ("install" or "i" or "add" or "isntall"))
                continue;
            var unpinned = RunCommands.Operands(command, 1, OptionsWithValue).Where(static p => !IsPinnedOrLocal(p.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, "npm installs", " at whatever version is newest when the image builds",
                static name => IsGitUrl(name) ? $"{name}#<tag or commit>" : $"{name}@<version>", static (pins, it) => $"Pin {it} ({pins}), or add {it} to package.json and install from the lock with npm ci");
        }
    }

    private static bool IsPinnedOrLocal(string spec) =>
        IsGitUrl(spec) ? spec.Contains('#', StringComparison.Ordinal) :
        spec.IndexOf('@', 1) > 0 || spec.Contains('#', StringComparison.Ordinal) || spec.Contains('$', StringComparison.Ordinal)
        || spec.StartsWith('.') || spec.StartsWith('/') || spec.StartsWith('~') || spec.Contains(':', StringComparison.Ordinal)
        || spec.EndsWith(".tgz", StringComparison.Ordinal) || spec.EndsWith(".tar.gz", StringComparison.Ordinal) || spec.EndsWith(".tar", StringComparison.Ordinal)
        || (!spec.StartsWith('@') && spec.Contains('/', StringComparison.Ordinal));

    /// <summary>A git dependency (<c>git+ssh://…</c>, <c>git://…</c>, <c>github:org/repo</c>, <c>https://host/repo.git</c>): pinned only by a <c>#ref</c>.</summary>
    private static bool IsGitUrl(string spec) =>
        spec.StartsWith("git+", StringComparison.Ordinal) || spec.StartsWith("git://", StringComparison.Ordinal)
        || spec.StartsWith("github:", StringComparison.Ordinal) || spec.StartsWith("gitlab:", StringComparison.Ordinal) || spec.StartsWith("bitbucket:", StringComparison.Ordinal)
        || (spec.Contains("://", StringComparison.Ordinal) && spec.Split('#', 2)[0].EndsWith(".git", StringComparison.Ordinal));
}
