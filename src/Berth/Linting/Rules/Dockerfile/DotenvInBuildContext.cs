using Berth.Apps;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF404: a .env file goes into the image: <c>COPY .env</c> by name, or <c>COPY . .</c> while .dockerignore is missing or does not exclude .env.
/// </summary>
public sealed class DotenvInBuildContext : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF404", "dotenv-copied-into-image", Severity.Error,
        "A .env file (local secrets) is copied into the image", ["CKV_DOCKER_4"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var copy in context.Document.Instructions.OfType<CopyInstruction>().Where(c => c.From is null))
        {
            foreach (var source in copy.Sources)
            {
                var name = source.Value.TrimStart('.', '/').Length == 0 ? "." : source.Value;
                if (IsDotenv(source.Value))
                {
                    findings.Add(At(context, source.Span, $"copies {source.Value} into the image", "Pass configuration at run time; keep .env* in .dockerignore"));
                }
                else if (name == "." && context.ContextFileExists(".env") && !LeavesOut(context.Dockerignore, ".env"))
                {
                    findings.Add(At(context, copy.Span,
                        context.Dockerignore is null ? "copies the whole build context, which has a .env file and no .dockerignore" : "copies the whole build context, and .dockerignore does not exclude its .env file",
                        "Add .env and .env.* (with !.env.example) to .dockerignore"));
                }
            }
        }
    }

    private static bool IsDotenv(string path) => DotenvFiles.HoldsValues(path[(path.TrimEnd('/').LastIndexOf('/') + 1)..]);

    /// <summary>
    /// Whether .dockerignore leaves a path out of the build context, read as Docker does (in order, '!' re-includes). An ignore file
    /// Docker rejects counts as leaving it out: the build fails before anything is copied.
    /// </summary>
    private static bool LeavesOut(string? dockerignore, string path) =>
        dockerignore is not null && DockerignoreMatcher.Parse(dockerignore) is var ignore && (!ignore.IsValid || ignore.IsExcluded(path));
}
