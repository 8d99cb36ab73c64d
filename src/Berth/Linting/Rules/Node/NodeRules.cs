using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Node;

/// <summary>The Node.js rules (Next.js output, build-time variables, package managers as PID 1, native modules across libcs), in ID order.</summary>
public static class NodeRules
{
    public static IReadOnlyList<DockerfileRule> All { get; } =
    [
        new NativeModulesAcrossLibc(),
        new NextStandaloneWithoutStaticOrPublic(),
        new PackageManagerStartAsCommand(),
        new BuildTimeVariableSetAtRunTime(),
        new StandaloneCopiedWithoutStandaloneOutput(),
    ];

    /// <summary>A command's words, exec or shell form.</summary>
    internal static List<string> Words(CommandLine command) =>
        command.IsExecForm
            ? command.ExecArguments!.Select(a => a.Value).ToList()
            : command.ShellCommands().Commands.SelectMany(c => new[] { c.Name ?? "" }.Concat(c.Arguments.Select(a => a.Value))).ToList();

    /// <summary>Whether a stage runs a build after the given instruction (next build, vite build, npm run build…).</summary>
    internal static bool BuildsAfter(DockerfileStage stage, Instruction instruction)
    {
        var seen = false;
        foreach (var i in stage.Instructions)
        {
            if (ReferenceEquals(i, instruction))
            {
                seen = true;
                continue;
            }
            if (!seen || i is not RunInstruction run)
                continue;
            foreach (var command in run.Scripts().SelectMany(s => s.Commands))
            {
                var args = command.Arguments.Select(a => a.Value).ToList();
                if (command.Name is "next" or "vite" or "react-scripts" && args.FirstOrDefault() == "build")
                    return true;
                if (command.Name is "npm" or "pnpm" or "yarn" && args.Count > 0 && (args[0] == "build" || args[0] == "run" && args.Count > 1 && args[1].StartsWith("build", StringComparison.Ordinal)))
                    return true;
                if (command.Name == "npx" && args.Contains("build"))
                    return true;
            }
        }
        return false;
    }
}
