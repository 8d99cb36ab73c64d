using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF201: a production-only install (<c>npm ci --omit=dev</c> / <c>--only=production</c>, <c>pnpm install --prod</c>,
/// <c>yarn install --production</c>) whose node_modules a build then uses (next build, tsc, vite build, npm run build): in the same
/// stage, in a stage built FROM it, or in a stage that copies its node_modules with COPY --from. The build tools are dev dependencies
/// and are missing. Also flags npm's deprecated <c>--only=production</c> itself.
/// </summary>
public sealed class NpmDevDependenciesOmittedBeforeBuild : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF201", "npm-dev-dependencies-omitted-before-build", Severity.Error,
        "a production-only npm/pnpm/yarn install feeds a build that needs the dev dependencies (same stage, FROM, or COPY --from of node_modules)", []);

    /// <summary>Where the production-only node_modules came from: the install, its flag, and the stage it ran in.</summary>
    private sealed record Omitted(Instruction Install, string Flag, string Stage);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var after = new Dictionary<int, Omitted?>();
        foreach (var stage in context.Stages)
        {
            var index = stage.Stage.Index;
            var stageName = stage.Stage.Name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Omitted? omitted = stage.BaseStage is { } parent && parent.Index != index ? after.GetValueOrDefault(parent.Index) : null;
            var workdir = "/";
            foreach (var instruction in stage.Stage.Instructions)
            {
                switch (instruction)
                {
                    case WorkdirInstruction w:
                        workdir = w.Path.StartsWith('/') ? w.Path : workdir.TrimEnd('/') + "/" + w.Path;
                        break;
                    case CopyInstruction { From: { } from } copy when context.Graph.Stage(from) is { } source && source.Stage.Index != index &&
                                                                    after.GetValueOrDefault(source.Stage.Index) is { } fromOmitted &&
                                                                    copy.Sources.Any(s => CarriesNodeModules(s.Value, LastWorkdir(source.Stage))):
                        omitted = fromOmitted;
                        break;
                    case RunInstruction run:
                        foreach (var command in run.Scripts().SelectMany(s => s.Commands))
                        {
                            if (InstallFlag(command) is { } install)
                            {
                                if (install.Flag is null)
                                {
                                    omitted = null; // a full install puts the dev dependencies back
                                    continue;
                                }
                                omitted = new Omitted(run, install.Flag, stageName);
                                if (command.Name == "npm" && (install.Flag.StartsWith("--only", StringComparison.Ordinal) || install.Flag == "--production"))
                                    findings.Add(At(context, run.Span, $"'{install.Flag}' is deprecated in npm 7+ and ignored by newer npm versions", "Use --omit=dev"));
                            }
                            else if (omitted is { } o && IsBuild(command))
                            {
                                var build = string.Join(' ', new[] { command.Name! }.Concat(command.Arguments.Select(a => a.Value)));
                                var origin = ReferenceEquals(o.Install, run) || o.Stage == stageName
                                    ? $"after '{o.Flag}' (line {o.Install.Span.StartLine})"
                                    : $"with node_modules from stage '{o.Stage}', where '{o.Flag}' (line {o.Install.Span.StartLine})";
                                findings.Add(At(context, run.Span,
                                    $"builds with '{build}' {origin} left out the dev dependencies the build needs",
                                    "Install every dependency for the build stage (npm ci, pnpm install --frozen-lockfile, yarn install --immutable); install production-only in a separate stage that only the runtime copies from"));
                                omitted = null;
                            }
                        }
                        break;
                }
            }
            after[index] = omitted;
        }
    }

    private static string LastWorkdir(DockerfileStage stage) =>
        stage.Instructions.OfType<WorkdirInstruction>().LastOrDefault()?.Path ?? "/";

    /// <summary>A COPY --from source that brings node_modules along: the folder itself, or the folder the install ran in.</summary>
    private static bool CarriesNodeModules(string source, string installFolder) =>
        source.Contains("node_modules", StringComparison.Ordinal) || source.TrimEnd('/') == installFolder.TrimEnd('/') || source is "." or "./" or "/";

    /// <summary>An install command and its production-only flag (null flag: a full install); null when the command is no install.</summary>
    private static (string? Flag, bool Install)? InstallFlag(ShellCommand command)
    {
        var args = command.Arguments.Select(a => a.Value).ToList();
        string[] flags;
        switch (command.Name)
        {
            case "npm" when args.FirstOrDefault() is "ci" or "install" or "i":
                flags = ["--only=production", "--only=prod", "--omit=dev", "--production"];
                break;
            case "pnpm" when args.FirstOrDefault() is "install" or "i":
                flags = ["--prod", "-P", "--production"];
                break;
            case "yarn" when args.Count == 0 || args[0] is "install" || args[0].StartsWith('-'):
                flags = ["--production", "--prod"];
                break;
            default:
                return null;
        }
        return (args.FirstOrDefault(a => flags.Contains(a) || a == "--production=true"), true);
    }

    private static bool IsBuild(ShellCommand command)
    {
        var args = command.Arguments.Select(a => a.Value).ToList();
        return command.Name switch
        {
            "next" or "vite" or "nuxt" or "astro" or "nest" => args.FirstOrDefault() == "build",
            "tsc" => true,
            "npm" or "pnpm" or "yarn" => args.Count > 0 && (args[0] == "build" || (args[0] == "run" && args.Count > 1 && args[1].StartsWith("build", StringComparison.Ordinal))),
            "npx" => args.Count > 1 && (args[0] is "tsc" || args[1] == "build"),
            _ => false,
        };
    }
}
