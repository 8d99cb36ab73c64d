using Berth.Apps;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF403: ENV or ARG with a secret-looking name (or a credentialled URL as its value): ENV values are stored in the image config and
/// ARG values in the build history. The finding names the variable, never its value. In a stage that does not reach the final image
/// (a builder) it is a warning, not an error: the value is in that stage's image and its build cache, not in the image that ships.
/// </summary>
public sealed class SecretInEnvOrArg : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF403", "secret-in-env-or-arg", Severity.Error,
        "A secret is set with ENV or ARG, where it stays readable in the image or its history", ["DL3064", "SecretsUsedInArgOrEnv", "DS031", "CKV_DOCKER_11"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        // ARGs before the first FROM: the global ones, which every stage can re-declare
        foreach (var instruction in context.Document.Instructions.TakeWhile(i => i is not FromInstruction))
            Check(context, findings, instruction, builder: null);
        var shipped = PackageManagers.RunCommands.StagesInFinalImage(context);
        foreach (var stage in context.Stages)
        {
            var builder = shipped.Contains(stage.Stage.Index) ? null : stage.Stage.Name ?? stage.Stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var instruction in stage.Stage.Instructions)
                Check(context, findings, instruction, builder);
        }
    }

    private void Check(DockerfileLintContext context, FindingSink findings, Instruction instruction, string? builder)
    {
        var where = builder is null ? "" : $" of build stage '{builder}', which the final image does not build on";
        switch (instruction)
        {
            case EnvInstruction env:
                foreach (var pair in env.Pairs.Where(p => p.Value.Length > 0 && !p.Value.StartsWith('$') && SecretNames.IsSecret(p.Key, p.Value)))
                    Add(findings, builder, At(context, pair.Span, $"ENV {pair.Key} puts a secret into the image config{where} (value not shown)",
                        "Pass it at run time (Kubernetes Secret, docker run --env-file), or use RUN --mount=type=secret during the build"));
                break;
            case ArgInstruction arg:
                foreach (var declaration in arg.Declarations.Where(d => SecretNames.IsSecret(d.Name, d.Default)))
                {
                    if (PublicBundleVariables.Prefix(declaration.Name) is { } prefix)
                    {
                        // VITE_SENTRY_DSN: inlined into the bundle every browser downloads, so the build history is not where it leaks
                        findings.Add(At(context, declaration.Span, $"ARG {declaration.Name} looks like a secret, but {prefix}* values are inlined into the JavaScript bundle every browser downloads: only a public value (a DSN, a publishable key) may have that prefix",
                            "Keep real secrets on the server side under a name without the public prefix; a public identifier can stay") with { Severity = Severity.Warning });
                        continue;
                    }
                    Add(findings, builder, At(context, declaration.Span, $"ARG {declaration.Name} looks like a secret; build arguments are kept in the image history{where}" + (declaration.Default is { Length: > 0 } ? " (default value not shown)" : ""),
                        "Use RUN --mount=type=secret,id=" + declaration.Name.ToLowerInvariant() + " and docker build --secret"));
                }
                break;
        }
    }

    /// <summary>In a builder stage the secret does not ship: a warning (it is still in the build cache and in any image built with --target).</summary>
    private static void Add(FindingSink findings, string? builder, Finding finding) =>
        findings.Add(builder is null ? finding : finding with { Severity = Severity.Warning });
}
