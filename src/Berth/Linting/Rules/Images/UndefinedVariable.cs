using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF514: ENV, LABEL, ARG defaults, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL or COPY/ADD use a variable that no ARG or ENV in scope defines,
/// so it expands to nothing. Best effort, as BuildKit's check: shell-form RUN/CMD/ENTRYPOINT are the shell's business; variables a base image
/// is known to set (PATH, HOME, PYTHON_VERSION...) and BuildKit's predefined ARGs count as defined; stages on an image Berth does not know are skipped.
/// </summary>
public sealed class UndefinedVariable : DockerfileRule
{
    private static readonly HashSet<string> ImageEnv = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "HOSTNAME", "TERM", "LANG", "LC_ALL", "PWD", "USER", "SHELL",
        "PYTHON_VERSION", "PYTHON_SHA256", "PYTHON_PIP_VERSION", "PYTHON_SETUPTOOLS_VERSION", "PYTHON_GET_PIP_URL", "PYTHON_GET_PIP_SHA256", "GPG_KEY",
        "NODE_VERSION", "YARN_VERSION", "NODE_ENV",
        "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_HTTP_PORTS", "APP_UID", "DOTNET_RUNNING_IN_CONTAINER", "DOTNET_SDK_VERSION",
        "SSL_CERT_FILE",
    };

    /// <summary>Names defined in every stage: BuildKit's predefined ARGs, then the ENV base images set.</summary>
    private static readonly HashSet<string> BaseScope = BuildBaseScope();

    private static HashSet<string> BuildBaseScope()
    {
        var scope = new HashSet<string>(ImageText.PredefinedArgs, StringComparer.Ordinal);
        scope.UnionWith(ImageEnv);
        return scope;
    }

    /// <summary>Adds the names not already in <see cref="BaseScope"/>, so the stage's set keeps the order a single set would have.</summary>
    private static void AddToScope(HashSet<string> scope, List<string> names)
    {
        foreach (var name in names)
        {
            if (!BaseScope.Contains(name))
                scope.Add(name);
        }
    }

    public override RuleInfo Info { get; } = new("BDF514", "undefined-variable", Severity.Warning,
        "A variable is used where no ARG or ENV defines it", ["UndefinedVar"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            if (!stage.IsResolved || context.Facts(stage.Stage.Index) is null)
                continue; // an image Berth does not know may set any ENV
            // In scope: the names every stage has (BaseScope, shared), then what this stage adds, in the order they are added.
            var scope = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ancestor in ImageText.Lineage(context.Stages, stage.Stage.Index).Skip(1))
                AddToScope(scope, EnvNames(ancestor));
            var check = new StageCheck(this, context, findings, scope);
            foreach (var instruction in stage.Stage.Instructions)
                check.Instruction(instruction);
        }
    }

    /// <summary>The names the stage's ENV instructions set, in order.</summary>
    private static List<string> EnvNames(DockerfileStage stage)
    {
        var names = new List<string>();
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is EnvInstruction env)
            {
                foreach (var pair in env.Pairs)
                    names.Add(pair.Key);
            }
        }
        return names;
    }

    /// <summary>Checks the instructions of one stage in order, growing its scope as ARG and ENV define names.</summary>
    private sealed class StageCheck(UndefinedVariable rule, DockerfileLintContext context, FindingSink findings, HashSet<string> scope)
    {
        private readonly char _escape = context.Document.EscapeChar;

        /// <summary>The names the current instruction has defined so far (an ARG's earlier declarations are in scope for its later defaults).</summary>
        private readonly List<string> _defined = [];

        /// <summary>Checks the words of an instruction BuildKit expands, then adds the names it defines to the scope.</summary>
        public void Instruction(Instruction instruction)
        {
            _defined.Clear();
            switch (instruction)
            {
                case ArgInstruction arg:
                    foreach (var declaration in arg.Declarations)
                    {
                        if (declaration.DefaultRaw is { } value)
                            Word(instruction, value, declaration.DefaultSpan ?? declaration.Span);
                        _defined.Add(declaration.Name);
                    }
                    break;
                case EnvInstruction env:
                    foreach (var pair in env.Pairs)
                        Word(instruction, pair.RawValue, pair.ValueSpan);
                    foreach (var pair in env.Pairs)
                        _defined.Add(pair.Key);
                    break;
                case LabelInstruction label:
                    foreach (var pair in label.Pairs)
                        Word(instruction, pair.RawValue, pair.ValueSpan);
                    break;
                case WorkdirInstruction or UserInstruction or StopsignalInstruction:
                    Word(instruction, instruction.Arguments.Text, instruction.Arguments.Span);
                    break;
                case ExposeInstruction expose:
                    foreach (var port in expose.Ports)
                        Word(instruction, port.Raw, port.Span);
                    break;
                case VolumeInstruction volume:
                    foreach (var path in volume.Paths)
                        Word(instruction, path.Raw, path.Span);
                    break;
                case CopyInstruction copy:
                    foreach (var word in copy.Sources)
                    {
                        if (!word.Raw.StartsWith("<<", StringComparison.Ordinal))
                            Word(instruction, word.Raw, word.Span);
                    }
                    if (copy.Destination is { } destination)
                        Word(instruction, destination.Raw, destination.Span);
                    break;
            }
            AddToScope(scope, _defined);
        }

        /// <summary>Reports each distinct variable of the word that nothing in scope defines.</summary>
        private void Word(Instruction instruction, string raw, SourceSpan span)
        {
            var names = ImageText.Variables(raw, _escape);
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                if (AppearsBefore(names, i) || IsDefined(instruction, name))
                    continue;
                var near = BaseScope.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase))
                    ?? scope.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
                findings.Add(rule.At(context, span, $"${name} is not defined by any ARG or ENV in this stage" + (near is null ? "" : $" (did you mean ${near}?)"),
                    near is null ? $"Declare ARG {name} (or ENV {name}=...) before this line" : $"Use ${near}"));
            }
        }

        private bool IsDefined(Instruction instruction, string name) =>
            BaseScope.Contains(name) || scope.Contains(name) || _defined.Contains(name) || (instruction is EnvInstruction env && env.Pairs.Any(p => p.Key == name));

        /// <summary>True when the name at <paramref name="index"/> already came earlier in the list (each name is reported once per word).</summary>
        private static bool AppearsBefore(IReadOnlyList<string> names, int index)
        {
            for (var j = 0; j < index; j++)
            {
                if (string.Equals(names[j], names[index], StringComparison.Ordinal))
                    return true;
            }
            return false;
        }
    }
}
