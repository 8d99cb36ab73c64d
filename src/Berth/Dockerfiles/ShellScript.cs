namespace Berth.Dockerfiles;

/// <summary>
/// A shell word: <see cref="Raw"/> as written, <see cref="Value"/> with quotes and backslashes
/// removed (<c>$VAR</c>, <c>$(...)</c> and backticks are kept as written). <see cref="Span"/> is in the document.
/// </summary>
public sealed record ShellWord(string Raw, string Value, SourceSpan Span)
{
    // Where the word was read (the script text and the word's first character in it), so its value with document offsets
    // (only needed for the bodies of `sh -c`) is worked out when asked for instead of for every word.
    private readonly MappedText? _source;
    private readonly int _start;

    internal ShellWord(string raw, string value, SourceSpan span, MappedText source, int start)
        : this(raw, value, span)
    {
        _source = source;
        _start = start;
    }

    // Not kept: it is read once, by the command's InlineScript (which keeps what it makes of it), and a field would cost every word.
    internal MappedText? ValueText => _source is null ? null : ShellParser.ValueTextOfWordAt(_source, _start);

    // As the generated equality did with the eagerly built value text: words read from different places are different words.
    public bool Equals(ShellWord? other) =>
        ReferenceEquals(this, other) || (other is not null && Raw == other.Raw && Value == other.Value && Span == other.Span
            && ReferenceEquals(_source, other._source) && _start == other._start);

    public override int GetHashCode() => HashCode.Combine(Raw, Value, Span, _start);

    public bool IsQuoted => Raw.IndexOfAny(['"', '\'', '\\']) >= 0;
}

/// <summary>A redirection such as <c>&gt; /dev/null</c>, <c>2&gt;&amp;1</c> or <c>&lt;&lt;EOF</c>.</summary>
public sealed record ShellRedirection(string Operator, ShellWord? Target, SourceSpan Span);

/// <summary>
/// One simple command: leading assignments (<c>DEBIAN_FRONTEND=noninteractive</c>), the executable,
/// its arguments and redirections, and the operator after it (<c>&amp;&amp;</c>, <c>||</c>, <c>;</c>,
/// <c>|</c>, <c>&amp;</c>, or null at the end). <see cref="Depth"/> counts enclosing <c>( )</c> and <c>{ }</c>.
/// </summary>
public sealed record ShellCommand(
    ItemList<ShellWord> Assignments,
    ShellWord? Executable,
    ItemList<ShellWord> Arguments,
    IReadOnlyList<ShellRedirection> Redirections,
    string? Separator,
    int Depth)
{
    private static readonly string[] Shells = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"];

    // Every rule asks for the name, and several for the inline script: work them out once per command.
    private string? _name;
    private ShellScript? _inline;
    private bool _inlineRead;

    /// <summary>The executable's file name (<c>/usr/bin/apt-get</c> gives <c>apt-get</c>), or null.</summary>
    public string? Name => Executable is null ? null : _name ??= Executable.Value[(Executable.Value.LastIndexOf('/') + 1)..];

    public bool HasArgument(string value) => Arguments.Any(a => a.Value == value);

    /// <summary>Arguments that do not start with '-'.</summary>
    public IEnumerable<ShellWord> PositionalArguments => Arguments.Where(a => !a.Value.StartsWith('-'));

    /// <summary>For <c>sh -c '...'</c> / <c>bash -ec "..."</c>: the body split again, with spans in the document; otherwise null.</summary>
    public ShellScript? InlineScript()
    {
        if (!_inlineRead)
        {
            _inline = ReadInlineScript();
            _inlineRead = true;
        }
        return _inline;
    }

    private ShellScript? ReadInlineScript()
    {
        if (Name is not { } name || Array.IndexOf(Shells, name) < 0)
            return null;
        for (var i = 0; i < Arguments.Count - 1; i++)
        {
            var option = Arguments[i].Value;
            if (option.Length > 1 && option[0] == '-' && option[1] != '-' && option.Contains('c', StringComparison.Ordinal)
                && option.Skip(1).All(char.IsAsciiLetter))
            {
                return Arguments[i + 1].ValueText is { } body ? ShellParser.Parse(body) : null;
            }
        }
        return null;
    }
}

/// <summary>A shell script as a flat list of simple commands in source order.</summary>
public sealed record ShellScript(IReadOnlyList<ShellCommand> Commands)
{
    public static ShellScript Empty { get; } = new([]);

    /// <summary>Every command, with the bodies of <c>sh -c</c> commands expanded in place of them.</summary>
    public IEnumerable<ShellCommand> AllCommands()
    {
        foreach (var command in Commands)
        {
            yield return command;
            if (command.InlineScript() is { } inner)
            {
                foreach (var nested in inner.AllCommands())
                    yield return nested;
            }
        }
    }

    /// <summary>Commands whose executable file name is <paramref name="name"/>.</summary>
    public IEnumerable<ShellCommand> CommandsNamed(string name) => AllCommands().Where(c => c.Name == name);
}
