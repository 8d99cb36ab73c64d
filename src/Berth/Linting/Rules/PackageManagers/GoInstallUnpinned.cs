namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF226: <c>go install example.com/tool</c> or <c>@latest</c> instead of <c>@v1.2.3</c>. Local packages (<c>./cmd/app</c>) and the standard library are not flagged.</summary>
public sealed class GoInstallUnpinned : DockerfileRule
{
    private static readonly string[] OptionsWithValue = ["-o", "-ldflags", "-gcflags", "-asmflags", "-tags", "-mod", "-modfile", "-C", "-p", "-exec", "-toolexec", "-overlay", "-pkgdir", "-buildmode", "-compiler"];

    public override RuleInfo Info { get; } = new("BDF226", "go-install-unpinned", Severity.Warning,
        "go install, get or run of a remote module without a fixed version", ["DL3062"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "go" || RunCommands.FirstOperand(command, OptionsWithValue)?.Value is not ({ } sub and ("install" or "get" or "run")))
                continue;
            var packages = RunCommands.Operands(command, 1, OptionsWithValue);
            var unpinned = (sub == "run" ? packages.Take(1) : packages).Where(static p => IsUnpinnedRemote(p.Value)).ToList();
            UnpinnedPackages.Report(this, context, findings, unpinned, $"'go {sub}' fetches", " at whatever version is newest when the image builds",
                static module => $"{WithoutVersion(module)}@v<version>", static (pins, it) => $"Pin {it} ({pins})");
        }
    }

    /// <summary>A remote module path (first element has a dot) with no version, or a moving one (@latest, @upgrade, @patch, @none).</summary>
    private static bool IsUnpinnedRemote(string value)
    {
        if (value.StartsWith('.') || value.StartsWith('/') || value.Contains('$', StringComparison.Ordinal) || !value.Split('/')[0].Contains('.', StringComparison.Ordinal))
            return false;
        var at = value.LastIndexOf('@');
        return at < 0 || value[(at + 1)..] is "latest" or "upgrade" or "patch" or "none";
    }

    private static string WithoutVersion(string module) => module.LastIndexOf('@') is var at and >= 0 ? module[..at] : module;
}
