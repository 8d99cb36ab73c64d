using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF236: <c>curl -k</c> / <c>--insecure</c> and <c>wget --no-check-certificate</c>: downloads accept any certificate.</summary>
public sealed class DownloadTlsVerificationDisabled : DockerfileRule
{
    private const string CurlShortWithValue = "oHduXAewTFxmbcEKrYyzCPQtU";

    public override RuleInfo Info { get; } = new("BDF236", "download-tls-verification-disabled", Severity.Error,
        "curl -k / --insecure or wget --no-check-certificate downloads without checking the server's certificate", ["CKV2_DOCKER_2", "CKV2_DOCKER_3"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            var flag = command.Name switch
            {
                "curl" => CurlInsecure(command),
                "wget" => command.Arguments.FirstOrDefault(a => a.Value == "--no-check-certificate"),
                _ => null,
            };
            if (flag is not null)
                findings.Add(At(context, flag.Span, $"{command.Name} '{flag.Value}' accepts any certificate: anyone on the network path can replace what the image downloads",
                    "Remove it; if the server uses a private CA, COPY the CA certificate and pass --cacert (curl) / --ca-certificate (wget)"));
        }
    }

    private static ShellWord? CurlInsecure(ShellCommand command)
    {
        var skipValue = false;
        foreach (var argument in command.Arguments)
        {
            var value = argument.Value;
            if (skipValue)
            {
                skipValue = false;
                continue;
            }
            if (value == "--insecure")
                return argument;
            if (value.Length > 1 && value[0] == '-' && value[1] != '-')
            {
                foreach (var letter in value.Skip(1))
                {
                    if (letter == 'k')
                        return argument;
                    if (CurlShortWithValue.Contains(letter, StringComparison.Ordinal))
                    {
                        skipValue = value[^1] == letter;
                        break;
                    }
                }
            }
        }
        return null;
    }
}
