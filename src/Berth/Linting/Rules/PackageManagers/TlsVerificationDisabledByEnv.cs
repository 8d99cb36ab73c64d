namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF240: <c>NODE_TLS_REJECT_UNAUTHORIZED=0</c> or <c>PYTHONHTTPSVERIFY=0</c> in ENV, ARG, a RUN assignment or <c>export</c>.</summary>
public sealed class TlsVerificationDisabledByEnv : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF240", "tls-verification-disabled-by-env", Severity.Error,
        "NODE_TLS_REJECT_UNAUTHORIZED=0 or PYTHONHTTPSVERIFY=0 turns off certificate checks for the whole runtime", ["CKV2_DOCKER_5", "CKV2_DOCKER_6"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var setting in Settings.All(context))
        {
            if (setting.Name is "NODE_TLS_REJECT_UNAUTHORIZED" or "PYTHONHTTPSVERIFY" && setting.Value.Trim() == "0")
            {
                findings.Add(At(context, setting.Span, $"{setting.Name}=0 makes every HTTPS connection accept any certificate",
                    "Remove it; for a private CA, COPY the CA certificate and set NODE_EXTRA_CA_CERTS (Node) or SSL_CERT_FILE / REQUESTS_CA_BUNDLE (Python)"));
            }
        }
    }
}
