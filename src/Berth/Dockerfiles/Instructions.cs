namespace Berth.Dockerfiles;

/// <summary>An instruction; the sealed subtypes give typed views of the arguments.</summary>
public abstract record Instruction(InstructionSyntax Syntax) : DockerfileNode
{
    public override SourceSpan Span => Syntax.Span;
    public override string Text => Syntax.Text;
    public override string LineBreak => Syntax.LineBreak;

    public string Keyword => Syntax.Keyword;
    public InstructionKind Kind => Syntax.Kind;
    public IReadOnlyList<InstructionFlag> Flags => Syntax.Flags;
    public InstructionArguments Arguments => Syntax.Arguments;
    public IReadOnlyList<Heredoc> Heredocs => Syntax.Heredocs;

    /// <summary>The last flag with this name (Docker keeps the last), or null.</summary>
    public InstructionFlag? Flag(string name)
    {
        InstructionFlag? found = null;
        foreach (var flag in Syntax.Flags)
        {
            if (string.Equals(flag.Name, name, StringComparison.Ordinal))
                found = flag;
        }
        return found;
    }

    public IEnumerable<InstructionFlag> FlagsNamed(string name) => Syntax.Flags.Where(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

/// <summary>An image as written in FROM: <c>[registry/]repository[:tag][@digest]</c>.</summary>
public sealed record ImageReference(string Text, string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Reads an image reference; no validation beyond splitting (variables may still be in it).</summary>
    public static ImageReference Parse(string text)
    {
        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }
        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }
        return new ImageReference(text, registry, rest, tag, digest);
    }

    public override string ToString() => Text;
}

public sealed record FromInstruction(InstructionSyntax Syntax, ArgumentWord? ImageWord, ImageReference? Image, ArgumentWord? StageName)
    : Instruction(Syntax)
{
    public string? Platform => Flag("platform")?.Value;

    /// <summary>The stage name lower-cased as BuildKit compares it.</summary>
    public string? NormalizedStageName => StageName?.Value.ToLowerInvariant();
}

public sealed record ArgDeclaration(string Name, string? DefaultRaw, string? Default, SourceSpan Span, SourceSpan NameSpan, SourceSpan? DefaultSpan);

public sealed record ArgInstruction(InstructionSyntax Syntax, IReadOnlyList<ArgDeclaration> Declarations) : Instruction(Syntax);

/// <summary>A <c>key=value</c> pair of ENV or LABEL; <see cref="Value"/> is unquoted, <see cref="RawValue"/> as written.</summary>
public sealed record KeyValueEntry(string Key, string RawValue, string Value, SourceSpan Span, SourceSpan KeySpan, SourceSpan ValueSpan);

public sealed record EnvInstruction(InstructionSyntax Syntax, IReadOnlyList<KeyValueEntry> Pairs, bool IsLegacyForm) : Instruction(Syntax);

public sealed record LabelInstruction(InstructionSyntax Syntax, IReadOnlyList<KeyValueEntry> Pairs) : Instruction(Syntax);

/// <summary>One EXPOSE entry: <see cref="Port"/> (a number, a range or a variable) and protocol (default tcp).</summary>
public sealed record ExposedPort(string Raw, string Port, string Protocol, bool HasProtocol, SourceSpan Span);

public sealed record ExposeInstruction(InstructionSyntax Syntax, IReadOnlyList<ExposedPort> Ports) : Instruction(Syntax);

public sealed record UserInstruction(InstructionSyntax Syntax, string User, string? Group, SourceSpan UserSpan, SourceSpan? GroupSpan) : Instruction(Syntax);

public sealed record WorkdirInstruction(InstructionSyntax Syntax, string Path) : Instruction(Syntax);

public sealed record StopsignalInstruction(InstructionSyntax Syntax, string Signal) : Instruction(Syntax);

public sealed record MaintainerInstruction(InstructionSyntax Syntax, string Maintainer) : Instruction(Syntax);

public sealed record VolumeInstruction(InstructionSyntax Syntax, IReadOnlyList<ArgumentWord> Paths, bool IsExecForm) : Instruction(Syntax);

/// <summary>
/// The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD: exec (JSON) form with its
/// items, or shell form with its text. A JSON array that does not parse is shell form, as in Docker.
/// </summary>
public sealed class CommandLine
{
    private readonly MappedText _text;

    internal CommandLine(MappedText text, IReadOnlyList<ArgumentWord>? execArguments)
    {
        _text = text;
        ExecArguments = execArguments;
    }

    public bool IsExecForm => ExecArguments is not null;

    /// <summary>The JSON items in exec form; null in shell form.</summary>
    public IReadOnlyList<ArgumentWord>? ExecArguments { get; }

    /// <summary>The command text (in exec form, the JSON text).</summary>
    public string Text => _text.Text;

    public SourceSpan Span => _text.Span(0, _text.Length);

    /// <summary>Shell form split into commands and words, with spans in the document; empty in exec form.</summary>
    public ShellScript ShellCommands() => IsExecForm ? ShellScript.Empty : ShellParser.Parse(_text);
}

public sealed record RunInstruction(InstructionSyntax Syntax, CommandLine Command) : Instruction(Syntax)
{
    /// <summary>
    /// The shell scripts this RUN executes: the command line (in shell form), then each heredoc body a shell runs. Heredocs that are data
    /// (<c>cat &lt;&lt;EOF &gt; file</c>, <c>python3 &lt;&lt;EOF</c>, a non-shell <c>#!</c> line) are left out: their lines are not commands.
    /// </summary>
    public IReadOnlyList<ShellScript> Scripts() => _scripts ??= ReadScripts();

    // Rules ask for the scripts again and again: split the shell once per instruction.
    private IReadOnlyList<ShellScript>? _scripts;

    private List<ShellScript> ReadScripts()
    {
        var scripts = new List<ShellScript>();
        var line = Command.IsExecForm ? null : Command.ShellCommands();
        if (line is not null)
            scripts.Add(line);
        foreach (var heredoc in Heredocs)
        {
            if (HeredocScripts.IsShellScript(heredoc, line))
                scripts.Add(ShellParser.ParseHeredoc(heredoc, Syntax));
        }
        return scripts;
    }

    /// <summary>Every command of the scripts, in source order, with the bodies of <c>sh -c</c> commands expanded in place of them.</summary>
    public ItemList<ShellCommand> AllCommands() => _allCommands ??= ReadAllCommands();

    private ItemList<ShellCommand>? _allCommands;

    private ItemList<ShellCommand> ReadAllCommands()
    {
        var scripts = Scripts();
        if (scripts.Count == 1 && scripts[0].Commands.All(c => c.InlineScript() is null))
            return new(scripts[0].Commands);
        return new(scripts.SelectMany(s => s.AllCommands()));
    }

    /// <summary>The <c>--mount</c> flags, each read as its comma-separated <c>key=value</c> options.</summary>
    public IReadOnlyList<RunMount> Mounts() => _mounts ??= [.. FlagsNamed("mount").Select(f => RunMount.Parse(f))];

    private IReadOnlyList<RunMount>? _mounts;
}

/// <summary>A <c>RUN --mount=</c> flag: <c>type</c> (default bind), and its options by key.</summary>
public sealed record RunMount(InstructionFlag Flag, string Type, IReadOnlyDictionary<string, string> Options)
{
    public string? Target => Option("target") ?? Option("dst") ?? Option("destination");
    public string? From => Option("from");

    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;

    public static RunMount Parse(InstructionFlag flag)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (flag.Value ?? "").Split(','))
        {
            if (part.Length == 0)
                continue;
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? part : part[..eq]).Trim();
            options[key] = eq < 0 ? "" : part[(eq + 1)..].Trim();
        }
        var type = options.TryGetValue("type", out var t) ? t : "bind";
        return new RunMount(flag, type, options);
    }
}

public sealed record CmdInstruction(InstructionSyntax Syntax, CommandLine Command) : Instruction(Syntax);

public sealed record EntrypointInstruction(InstructionSyntax Syntax, CommandLine Command) : Instruction(Syntax);

public sealed record ShellInstruction(InstructionSyntax Syntax, CommandLine Command) : Instruction(Syntax);

/// <summary>HEALTHCHECK NONE, or HEALTHCHECK [--interval ...] CMD command.</summary>
public sealed record HealthcheckInstruction(InstructionSyntax Syntax, bool IsNone, ArgumentWord? TypeWord, CommandLine? Command) : Instruction(Syntax);

/// <summary>COPY or ADD: sources (heredoc markers such as <c>&lt;&lt;EOF</c> included) and the destination.</summary>
public sealed record CopyInstruction(InstructionSyntax Syntax, IReadOnlyList<ArgumentWord> Sources, ArgumentWord? Destination, bool IsExecForm)
    : Instruction(Syntax)
{
    public bool IsAdd => Kind == InstructionKind.Add;

    /// <summary>The <c>--from</c> value (a stage name, index or image), or null.</summary>
    public string? From => Flag("from")?.Value;
}

/// <summary>ONBUILD with the instruction it wraps (null when missing or unreadable).</summary>
public sealed record OnbuildInstruction(InstructionSyntax Syntax, Instruction? Inner) : Instruction(Syntax);

/// <summary>A keyword Docker does not know.</summary>
public sealed record UnknownInstruction(InstructionSyntax Syntax) : Instruction(Syntax);
