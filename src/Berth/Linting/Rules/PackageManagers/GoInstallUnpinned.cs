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
            foreach (var package in sub == "run" ? packages.Take(1) : packages)
            {
                var value = package.Value;
                if (value.StartsWith('.') || value.StartsWith('/') || value.Contains('$', StringComparison.Ordinal) || !value.Split('/')[0].Contains('.', StringComparison.Ordinal))
                    continue;
                var at = value.LastIndexOf('@');
                var version = at < 0 ? null : value[(at + 1)..];
                if (version is not (null or "latest" or "upgrade" or "patch" or "none"))
                    continue;
                findings.Add(At(context, package.Span, $"'go {sub} {value}' fetches whatever version is newest when the image builds",
                    $"Pin it ({(at < 0 ? value : value[..at])}@v<version>)"));
            }
        }
    }
}
