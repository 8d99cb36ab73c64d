using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF201: <c>npm ci --only=production</c> / <c>--omit=dev</c> in a stage that then builds (next build, tsc, vite build, npm run build):
/// the build tools are dev dependencies and are missing. Also flags the deprecated <c>--only=production</c> itself.
/// </summary>
public sealed class NpmDevDependenciesOmittedBeforeBuild : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF201", "npm-dev-dependencies-omitted-before-build", Severity.Error,
        "npm installs without dev dependencies in a stage that then runs a build needing them", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            (RunInstruction Run, string Flag)? omitted = null;
            foreach (var run in stage.Stage.Instructions.OfType<RunInstruction>())
            {
                foreach (var command in run.Scripts().SelectMany(s => s.Commands))
                {
                    if (command.Name == "npm" && command.Arguments.FirstOrDefault()?.Value is "ci" or "install" or "i")
                    {
                        var flag = command.Arguments.Select(a => a.Value).FirstOrDefault(v => v is "--only=production" or "--only=prod" or "--omit=dev" or "--production");
                        if (flag is not null)
                        {
                            omitted = (run, flag);
                            if (flag.StartsWith("--only", StringComparison.Ordinal) || flag == "--production")
                                findings.Add(At(context, run.Span, $"'{flag}' is deprecated in npm 7+ and ignored by newer npm versions", "Use --omit=dev"));
                        }
                    }
                    else if (omitted is { } o && IsBuild(command))
                    {
                        findings.Add(At(context, run.Span,
                            $"builds with '{string.Join(' ', new[] { command.Name! }.Concat(command.Arguments.Select(a => a.Value)))}' after '{o.Flag}' (line {o.Run.Span.StartLine}) left out the dev dependencies the build needs",
                            "Install all dependencies in the build stage (npm ci), then prune (npm prune --omit=dev) or copy only the build output into the runtime stage"));
                        omitted = null;
                    }
                }
            }
        }
    }

    private static bool IsBuild(ShellCommand command)
    {
        var args = command.Arguments.Select(a => a.Value).ToList();
        return command.Name switch
        {
            "next" or "vite" or "nuxt" or "astro" => args.FirstOrDefault() == "build",
            "tsc" => true,
            "npm" or "pnpm" or "yarn" => args.Count > 0 && (args[0] == "build" || (args[0] == "run" && args.Count > 1 && args[1].StartsWith("build", StringComparison.Ordinal))),
            "npx" => args.Count > 1 && (args[0] is "tsc" || args[1] == "build"),
            _ => false,
        };
    }
}
