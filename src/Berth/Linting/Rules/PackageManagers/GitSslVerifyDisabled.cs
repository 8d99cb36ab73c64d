namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF239: <c>git config http.sslVerify false</c>, <c>git -c http.sslVerify=false</c>, or <c>GIT_SSL_NO_VERIFY</c>.</summary>
public sealed class GitSslVerifyDisabled : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF239", "git-ssl-verify-disabled", Severity.Error,
        "git http.sslVerify false or GIT_SSL_NO_VERIFY: clones do not check the server's certificate", ["CKV2_DOCKER_14"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        const string fix = "Remove it; for a server with a private CA, COPY the CA and set http.sslCAInfo";
        foreach (var setting in Settings.All(context).Where(s => s.Name == "GIT_SSL_NO_VERIFY" && s.Value.Length > 0 && !Settings.IsFalsy(s.Value)))
            findings.Add(At(context, setting.Span, "GIT_SSL_NO_VERIFY makes git accept any certificate", fix));
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "git")
                continue;
            var args = command.Arguments;
            for (var i = 0; i < args.Count; i++)
            {
                var value = args[i].Value;
                var disabled = (value.Equals("http.sslVerify", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count && Settings.IsFalsy(args[i + 1].Value))
                    || (value.Split('=', 2) is [var key, var v] && key.Equals("http.sslVerify", StringComparison.OrdinalIgnoreCase) && Settings.IsFalsy(v));
                if (disabled)
                    findings.Add(At(context, args[i].Span, "git http.sslVerify false accepts any certificate: the cloned code can be swapped in transit", fix));
            }
        }
    }
}
