namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF238: <c>npm config set strict-ssl false</c>, <c>yarn config set strict-ssl false</c>, <c>--strict-ssl=false</c> or <c>NPM_CONFIG_STRICT_SSL=false</c>.</summary>
public sealed class NpmStrictSslDisabled : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF238", "npm-strict-ssl-disabled", Severity.Error,
        "npm or yarn strict-ssl set to false: the registry's certificate is not checked", ["CKV2_DOCKER_13", "CKV2_DOCKER_12"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        const string fix = "Remove it; for a registry with a private CA, COPY the CA and set NODE_EXTRA_CA_CERTS or npm's cafile";
        foreach (var setting in Settings.All(context).Where(s => s.Name.Equals("NPM_CONFIG_STRICT_SSL", StringComparison.OrdinalIgnoreCase) && Settings.IsFalsy(s.Value)))
            findings.Add(At(context, setting.Span, $"{setting.Name}={setting.Value} makes npm accept any certificate from the registry", fix));
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name is not ("npm" or "yarn" or "pnpm"))
                continue;
            var args = command.Arguments;
            for (var i = 0; i < args.Count; i++)
            {
                var value = args[i].Value;
                var disabled = (value.TrimStart('-') is "strict-ssl" or "strictSSL" && i + 1 < args.Count && Settings.IsFalsy(args[i + 1].Value) && (i > 0 && args[i - 1].Value == "set"))
                    || (value.Split('=', 2) is [var key, var v] && key.TrimStart('-') is "strict-ssl" or "strictSSL" && Settings.IsFalsy(v));
                if (disabled)
                    findings.Add(At(context, args[i].Span, $"{command.Name} strict-ssl false accepts any certificate from the registry: packages can be swapped in transit", fix));
            }
        }
    }
}
