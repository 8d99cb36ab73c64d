using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>BDF202: <c>poetry install --no-dev</c> was removed in Poetry 2 (deprecated since 1.2): the build fails or installs dev groups.</summary>
public sealed class PoetryNoDevRemoved : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF202", "poetry-no-dev-removed", Severity.Error,
        "poetry install --no-dev no longer exists (Poetry 1.2 deprecated it, 2.0 removed it)", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var run in context.Document.Instructions.OfType<RunInstruction>())
        {
            foreach (var command in run.Scripts().SelectMany(s => s.Commands))
            {
                if (command.Name == "poetry" && command.HasArgument("install") && command.Arguments.FirstOrDefault(a => a.Value == "--no-dev") is { } flag)
                    findings.Add(At(context, flag.Span, "poetry install --no-dev was removed in Poetry 2.0", "Use --only main (or --without dev)"));
            }
        }
    }
}
