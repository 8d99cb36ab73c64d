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
    private static void AddToScope(HashSet<string> scope, IEnumerable<string> names)
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
        var escape = context.Document.EscapeChar;
        foreach (var stage in context.Stages)
        {
            if (!stage.IsResolved || context.Facts(stage.Stage.Index) is null)
                continue; // an image Berth does not know may set any ENV
            // In scope: the names every stage has (BaseScope, shared), then what this stage adds, in the order they are added.
            var scope = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ancestor in ImageText.Lineage(context.Stages, stage.Stage.Index).Skip(1))
                AddToScope(scope, ancestor.Instructions.OfType<EnvInstruction>().SelectMany(e => e.Pairs).Select(p => p.Key));
            foreach (var instruction in stage.Stage.Instructions)
            {
                var defined = new List<string>();
                foreach (var (raw, span) in Words(instruction, defined))
                {
                    foreach (var name in ImageText.Variables(raw, escape).Distinct(StringComparer.Ordinal))
                    {
                        if (BaseScope.Contains(name) || scope.Contains(name) || defined.Contains(name) || (instruction is EnvInstruction env && env.Pairs.Any(p => p.Key == name)))
                            continue;
                        var near = BaseScope.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase))
                            ?? scope.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
                        findings.Add(At(context, span, $"${name} is not defined by any ARG or ENV in this stage" + (near is null ? "" : $" (did you mean ${near}?)"),
                            near is null ? $"Declare ARG {name} (or ENV {name}=...) before this line" : $"Use ${near}"));
                    }
                }
                AddToScope(scope, defined);
            }
        }
    }

    /// <summary>The words of an instruction BuildKit expands, and the names it defines (into <paramref name="defined"/>).</summary>
    private static IEnumerable<(string Raw, SourceSpan Span)> Words(Instruction instruction, List<string> defined)
    {
        switch (instruction)
        {
            case ArgInstruction arg:
                foreach (var declaration in arg.Declarations)
                {
                    if (declaration.DefaultRaw is { } value)
                        yield return (value, declaration.DefaultSpan ?? declaration.Span);
                    defined.Add(declaration.Name);
                }
                break;
            case EnvInstruction env:
                foreach (var pair in env.Pairs)
                    yield return (pair.RawValue, pair.ValueSpan);
                defined.AddRange(env.Pairs.Select(p => p.Key));
                break;
            case LabelInstruction label:
                foreach (var pair in label.Pairs)
                    yield return (pair.RawValue, pair.ValueSpan);
                break;
            case WorkdirInstruction or UserInstruction or StopsignalInstruction:
                yield return (instruction.Arguments.Text, instruction.Arguments.Span);
                break;
            case ExposeInstruction expose:
                foreach (var port in expose.Ports)
                    yield return (port.Raw, port.Span);
                break;
            case VolumeInstruction volume:
                foreach (var path in volume.Paths)
                    yield return (path.Raw, path.Span);
                break;
            case CopyInstruction copy:
                foreach (var word in copy.Sources.Where(s => !s.Raw.StartsWith("<<", StringComparison.Ordinal)))
                    yield return (word.Raw, word.Span);
                if (copy.Destination is { } destination)
                    yield return (destination.Raw, destination.Span);
                break;
        }
    }
}
