using Berth.Apps;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF403: ENV or ARG with a secret-looking name (or a credentialled URL as its value): ENV values are stored in the image config and
/// ARG values in the build history. The finding names the variable, never its value.
/// </summary>
public sealed class SecretInEnvOrArg : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF403", "secret-in-env-or-arg", Severity.Error,
        "A secret is set with ENV or ARG, where it stays readable in the image or its history", ["SecretsUsedInArgOrEnv", "DS031", "CKV_DOCKER_11"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            switch (instruction)
            {
                case EnvInstruction env:
                    foreach (var pair in env.Pairs.Where(p => p.Value.Length > 0 && !p.Value.StartsWith('$') && SecretNames.IsSecret(p.Key, p.Value)))
                        findings.Add(At(context, pair.Span, $"ENV {pair.Key} puts a secret into the image config (value not shown)",
                            "Pass it at run time (Kubernetes Secret, docker run --env-file), or use RUN --mount=type=secret during the build"));
                    break;
                case ArgInstruction arg:
                    foreach (var declaration in arg.Declarations.Where(d => SecretNames.IsSecret(d.Name, d.Default)))
                        findings.Add(At(context, declaration.Span, $"ARG {declaration.Name} looks like a secret; build arguments are kept in the image history" + (declaration.Default is { Length: > 0 } ? " (default value not shown)" : ""),
                            "Use RUN --mount=type=secret,id=" + declaration.Name.ToLowerInvariant() + " and docker build --secret"));
                    break;
            }
        }
    }
}
