using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>One shell command of one RUN, with the stage it runs in (sh -c bodies and the heredoc bodies a shell runs included).</summary>
internal sealed record RunCommand(int Stage, RunInstruction Run, ShellCommand Command)
{
    /// <summary>
    /// The RUN is an <c>ONBUILD RUN</c> trigger: it runs when another image builds FROM this one, so its layer lands in that image
    /// whichever stage declares it (see <see cref="RunCommands.Ships"/>).
    /// </summary>
    public bool OnBuild { get; init; }
}

/// <summary>Every command of every RUN in a file, in source order: read once per file and shared by the rules.</summary>
internal sealed class RunCommandList(ItemList<RunCommand> commands)
{
    public ItemList<RunCommand> Commands { get; } = commands;

    public static RunCommandList Read(DockerfileLintContext context)
    {
        var commands = new List<RunCommand>();
        foreach (var stage in context.Stages)
        {
            foreach (var instruction in stage.Stage.Instructions)
            {
                if (instruction is RunInstruction run)
                {
                    foreach (var command in RunCommands.Of(run))
                        commands.Add(new RunCommand(stage.Stage.Index, run, command));
                }
                else if (instruction is OnbuildInstruction { Inner: RunInstruction trigger })
                {
                    foreach (var command in RunCommands.Of(trigger))
                        commands.Add(new RunCommand(stage.Stage.Index, trigger, command) { OnBuild = true });
                }
            }
        }
        return new RunCommandList(new(commands));
    }
}

/// <summary>Shared reading of RUN scripts for the package-manager family: commands, flags, packages, cache mounts.</summary>
internal static class RunCommands
{
    /// <summary>Every command of every RUN and every <c>ONBUILD RUN</c> in the file, in source order.</summary>
    public static ItemList<RunCommand> All(DockerfileLintContext context) => context.Shared(RunCommandList.Read).Commands;

    /// <summary>Every command of one RUN, in source order (data heredocs are not commands: see <see cref="RunInstruction.Scripts"/>).</summary>
    public static ItemList<ShellCommand> Of(RunInstruction run) => run.AllCommands();

    /// <summary>The first argument that is not an option: the subcommand of apt-get, pip, npm…</summary>
    public static string? Subcommand(ShellCommand command)
    {
        foreach (var argument in command.Arguments)
        {
            if (!argument.Value.StartsWith('-'))
                return argument.Value;
        }
        return null;
    }

    /// <summary>True when one of the long options is present (also as <c>--opt=value</c>), or a short option letter appears in a bundle such as <c>-qy</c>.</summary>
    public static bool HasOption(ShellCommand command, ReadOnlySpan<string> longOptions, string shortLetters = "")
    {
        foreach (var argument in command.Arguments)
        {
            var value = argument.Value;
            if (value == "--")
                break;
            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                if (IsOneOf(equals < 0 ? value : value.AsSpan(0, equals), longOptions))
                    return true;
            }
            else if (value.Length > 1 && value[0] == '-' && shortLetters.Length > 0 && HasShortLetter(value, shortLetters))
            {
                return true;
            }
            else if (longOptions.Contains(value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="name"/> is one of <paramref name="options"/> (ordinal).</summary>
    public static bool IsOneOf(ReadOnlySpan<char> name, ReadOnlySpan<string> options)
    {
        foreach (var option in options)
        {
            if (name.SequenceEqual(option))
                return true;
        }
        return false;
    }

    /// <summary>For a bundle such as <c>-qy</c> (letters and digits only): one of <paramref name="letters"/> among the letters before the first digit.</summary>
    private static bool HasShortLetter(string bundle, string letters)
    {
        for (var i = 1; i < bundle.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(bundle[i]))
                return false;
        }
        for (var i = 1; i < bundle.Length && char.IsAsciiLetter(bundle[i]); i++)
        {
            if (letters.Contains(bundle[i], StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The operands after the subcommand: arguments that are not options, skipping the value of each option in <paramref name="optionsWithValue"/>
    /// (given as written, e.g. <c>-t</c>, <c>--target-release</c>), and the first <paramref name="skip"/> positional words (the subcommand).
    /// </summary>
    public static IEnumerable<ShellWord> Operands(ShellCommand command, int skip, params string[] optionsWithValue)
    {
        var skipped = 0;
        var afterDashes = false;
        for (var i = NextOperand(command.Arguments, 0, optionsWithValue, ref afterDashes); i >= 0; i = NextOperand(command.Arguments, i + 1, optionsWithValue, ref afterDashes))
        {
            if (skipped < skip)
            {
                skipped++;
                continue;
            }
            yield return command.Arguments[i];
        }
    }

    /// <summary>The first operand as <see cref="Operands"/> reads them (the subcommand of apk, yum, gem…), or null; without an enumerator.</summary>
    public static ShellWord? FirstOperand(ShellCommand command, ReadOnlySpan<string> optionsWithValue)
    {
        var afterDashes = false;
        var index = NextOperand(command.Arguments, 0, optionsWithValue, ref afterDashes);
        return index < 0 ? null : command.Arguments[index];
    }

    /// <summary>
    /// The index of the first operand at or after <paramref name="start"/>, or -1: skips options, the value after each option in
    /// <paramref name="optionsWithValue"/>, and the first <c>--</c> (after which every argument is an operand, <paramref name="afterDashes"/>).
    /// </summary>
    private static int NextOperand(ItemList<ShellWord> arguments, int start, ReadOnlySpan<string> optionsWithValue, ref bool afterDashes)
    {
        var takeNext = false;
        for (var i = start; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (takeNext)
            {
                takeNext = false;
                continue;
            }
            if (!afterDashes && value == "--")
            {
                afterDashes = true;
                continue;
            }
            if (!afterDashes && value.StartsWith('-') && value.Length > 1)
            {
                if (optionsWithValue.Contains(value))
                    takeNext = true;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary>True when the RUN has a cache or tmpfs mount whose target is, or is under, one of the given folders.</summary>
    public static bool HasCacheMount(RunInstruction run, params ReadOnlySpan<string> folders)
    {
        var mounts = run.Mounts();
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i];
            if (mount.Type is "cache" or "tmpfs" && mount.Target is { } target && IsUnderOrAbove(target.TrimEnd('/'), folders))
                return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="target"/> is one of <paramref name="folders"/>, or under or above one of them (trailing slashes ignored).</summary>
    private static bool IsUnderOrAbove(string target, ReadOnlySpan<string> folders)
    {
        foreach (var f in folders)
        {
            var folder = f.TrimEnd('/');
            if (Under(target, folder) || Under(folder, target))
                return true;
        }
        return false;
    }

    private static bool Under(string path, string folder) =>
        path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>
    /// True when the command's layer ends up in an image someone runs: its stage is in the final image (<paramref name="shipped"/>, from
    /// <see cref="StagesInFinalImage"/>), or it is an <c>ONBUILD RUN</c>, which runs in the image built FROM this one.
    /// </summary>
    public static bool Ships(IReadOnlySet<int> shipped, RunCommand command) => command.OnBuild || shipped.Contains(command.Stage);

    /// <summary>The stages whose filesystem ends up in the final image: the final stage and the stages it builds FROM.</summary>
    public static IReadOnlySet<int> StagesInFinalImage(DockerfileLintContext context) => context.Shared(FinalImageStages.Read).Stages;

    /// <summary>The stages in the final image, worked out once per file.</summary>
    private sealed class FinalImageStages(HashSet<int> stages)
    {
        public IReadOnlySet<int> Stages { get; } = stages;

        public static FinalImageStages Read(DockerfileLintContext context)
        {
            var stages = new HashSet<int>();
            var current = context.Final;
            while (current is not null && stages.Add(current.Stage.Index))
                current = current.BaseStage is { } parent ? context.Stages[parent.Index] : null;
            return new FinalImageStages(stages);
        }
    }

    /// <summary>The value of an ENV set in the stage (or the stages it builds on) before the instruction, or null.</summary>
    public static string? EnvBefore(DockerfileLintContext context, int stageIndex, Instruction before, string name)
    {
        string? value = null;
        var chain = new List<DockerfileStage>();
        var seen = new HashSet<int>();
        for (var stage = context.Stages[stageIndex]; seen.Add(stage.Stage.Index); )
        {
            chain.Insert(0, stage.Stage);
            if (stage.BaseStage is not { } parent)
                break;
            stage = context.Stages[parent.Index];
        }
        foreach (var stage in chain)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (ReferenceEquals(instruction, before))
                    return value;
                if (instruction is EnvInstruction env)
                {
                    foreach (var pair in env.Pairs)
                    {
                        if (pair.Key == name)
                            value = pair.Value;
                    }
                }
            }
        }
        return value;
    }

    /// <summary>
    /// True when a RUN before <paramref name="run"/> in the file mentions one of <paramref name="markers"/>: a package manager configured
    /// once for the whole build (<c>echo 'APT::Get::Assume-Yes "true";' &gt; /etc/apt/apt.conf.d/90yes</c>, <c>pip config set global.no-cache-dir</c>).
    /// </summary>
    public static bool ConfiguredEarlier(DockerfileLintContext context, Instruction run, params ReadOnlySpan<string> markers)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            if (ReferenceEquals(instruction, run))
                return false;
            if (instruction is RunInstruction earlier && MentionsAny(earlier.Text, markers))
                return true;
        }
        return false;
    }

    private static bool MentionsAny(string text, ReadOnlySpan<string> markers)
    {
        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    public static bool IsTruthy(string? value) => value is not null && value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    /// <summary>A word as text for messages, e.g. <c>apt-get install curl</c>.</summary>
    public static string Text(ShellCommand command) =>
        string.Join(' ', (command.Executable is null ? [] : new[] { command.Executable.Value }).Concat(command.Arguments.Select(a => a.Value)));
}
