namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF243: package installs that skip signature or TLS checks outside apt: <c>apk add --allow-untrusted</c>, yum/dnf/tdnf <c>--nogpgcheck</c>,
/// rpm <c>--nosignature</c>/<c>--nodigest</c>/<c>--noverify</c>/<c>--nofiledigest</c>, and <c>sslverify=0</c> set through dnf/yum options.
/// </summary>
public sealed class PackageSignatureCheckDisabled : DockerfileRule
{
    private static readonly string[] RpmFlags = ["--nosignature", "--nodigest", "--noverify", "--nofiledigest"];

    public override RuleInfo Info { get; } = new("BDF243", "package-signature-check-disabled", Severity.Error,
        "apk, yum, dnf or rpm installs packages without checking signatures (--allow-untrusted, --nogpgcheck, --nosignature, sslverify=0)",
        ["CKV2_DOCKER_7", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_15"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            foreach (var argument in command.Arguments)
            {
                var value = argument.Value;
                var unsafeFlag = command.Name switch
                {
                    "apk" => value == "--allow-untrusted",
                    "yum" or "dnf" or "dnf5" or "tdnf" or "microdnf" or "yum-config-manager" => value == "--nogpgcheck" || DisablesSslVerify(value),
                    "rpm" => Array.IndexOf(RpmFlags, value) >= 0,
                    _ => false,
                };
                if (unsafeFlag)
                    findings.Add(At(context, argument.Span, $"{command.Name} '{value}' installs packages whose origin nobody checked", "Remove it; import the repository's signing key (rpm --import, apk keys in /etc/apk/keys) instead"));
            }
        }
    }

    private static bool DisablesSslVerify(string value)
    {
        var setting = value.StartsWith("--setopt=", StringComparison.Ordinal) ? value["--setopt=".Length..] : value;
        return setting.Split('=', 2) is [var key, var v] && (key == "sslverify" || key.EndsWith(".sslverify", StringComparison.Ordinal)) && Settings.IsFalsy(v);
    }
}
