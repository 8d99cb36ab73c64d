using Berth.Apps.Node;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Node;

/// <summary>
/// BDF529: ENV sets a variable the bundler inlines at build time (NEXT_PUBLIC_*, VITE_*, REACT_APP_*, and with the app known every
/// build-time variable it reads, such as next.config <c>env</c> keys) in a stage that builds nothing afterwards: the value is never read.
/// </summary>
public sealed class BuildTimeVariableSetAtRunTime : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF529", "build-time-variable-set-at-run-time", Severity.Warning,
        "ENV sets NEXT_PUBLIC_*, VITE_* or REACT_APP_* where no build follows: the bundle was built without it", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var appBuildTime = context.App?.Env.Where(e => e.BuildTime).Select(e => e.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var stage in context.Stages)
        {
            foreach (var env in stage.Stage.Instructions.OfType<EnvInstruction>())
            {
                if (NodeRules.BuildsAfter(stage.Stage, env))
                    continue;
                foreach (var pair in env.Pairs.Where(p => NodeServiceDetector.IsBuildTimeName(p.Key) || appBuildTime.Contains(p.Key)))
                {
                    findings.Add(At(context, pair.Span,
                        $"{pair.Key} is inlined into the bundle when the app is built; set here, after the build, it changes nothing the app reads",
                        $"Declare ARG {pair.Key} in the build stage before the build and pass --build-arg {pair.Key}=value"));
                }
            }
        }
    }
}
