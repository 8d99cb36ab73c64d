namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF237: pip <c>--trusted-host</c>, <c>PIP_TRUSTED_HOST</c>, or <c>pip config set global.trusted-host</c>: pip skips TLS checks for that host.</summary>
public sealed class PipTrustedHost : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF237", "pip-trusted-host", Severity.Error,
        "pip --trusted-host or PIP_TRUSTED_HOST turns off certificate checks for a package index", ["CKV2_DOCKER_4", "CKV2_DOCKER_16"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        const string fix = "Remove it; for a private index with a private CA, COPY the CA and set PIP_CERT (or --cert)";
        foreach (var setting in Settings.All(context).Where(s => s.Name == "PIP_TRUSTED_HOST" && s.Value.Length > 0))
            findings.Add(At(context, setting.Span, "PIP_TRUSTED_HOST makes pip accept any certificate (or plain HTTP) from that host", fix));
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name is not { } name || !name.StartsWith("pip", StringComparison.Ordinal) && !name.StartsWith("python", StringComparison.Ordinal))
                continue;
            var word = command.Arguments.FirstOrDefault(a => a.Value == "--trusted-host" || a.Value.StartsWith("--trusted-host=", StringComparison.Ordinal) || a.Value.EndsWith(".trusted-host", StringComparison.Ordinal));
            if (word is not null)
                findings.Add(At(context, word.Span, "pip --trusted-host accepts any certificate (or plain HTTP) from that host: a package can be swapped in transit", fix));
        }
    }
}
