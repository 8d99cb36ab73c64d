using System.Text;

namespace Berth.Dockerfiles;

/// <summary>
/// Splits POSIX shell text into simple commands and words (quotes, operators, subshells, groups,
/// redirections, <c>$(...)</c>, backticks, heredocs inside scripts). Not a full shell grammar:
/// loops and conditionals are flattened into their commands. Linear time, never throws.
/// </summary>
internal static class ShellParser
{
    private static readonly HashSet<string> SkippedReservedWords = new(StringComparer.Ordinal)
    {
        "!", "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "time",
    };

    private static readonly string[] RedirectionOperators = ["&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">"];

    public static ShellScript ParseHeredoc(Heredoc heredoc, InstructionSyntax syntax) =>
        Parse(MappedText.Contiguous(heredoc.Body, heredoc.BodySpan.Start, syntax.Arguments.Mapped.Map));

    public static ShellScript Parse(MappedText text) => new Builder(text).Run();

    /// <summary>The value, with document offsets, of the word that starts at <paramref name="start"/> in <paramref name="source"/> (read again).</summary>
    internal static MappedText ValueTextOfWordAt(MappedText source, int start) => new Builder(source).ValueTextAt(start);

    private sealed class Builder(MappedText source)
    {
        private readonly string _s = source.Text;
        private int _p;
        private int _depth;
        private readonly List<ShellCommand> _commands = [];
        private readonly List<ShellWord> _assignments = [];
        private readonly List<ShellWord> _arguments = [];
        private readonly List<ShellRedirection> _redirections = [];
        private ShellWord? _executable;
        private bool _afterGroupClose;
        private int _commandDepth;
        private readonly List<(string Delimiter, bool StripTabs)> _pendingHeredocs = [];

        public ShellScript Run()
        {
            while (_p < _s.Length)
            {
                var c = _s[_p];
                if (c is ' ' or '\t' or '\r')
                {
                    _p++;
                }
                else if (c == '\\' && _p + 1 < _s.Length && _s[_p + 1] == '\n')
                {
                    _p += 2;
                }
                else if (c == '\n')
                {
                    _p++;
                    Finish(";");
                    SkipHeredocBodies();
                }
                else if (c == '#')
                {
                    while (_p < _s.Length && _s[_p] != '\n')
                        _p++;
                }
                else if (TryOperator(out var op))
                {
                    Operator(op);
                }
                else if (TryRedirection(out var redirection, out var redirectionStart))
                {
                    Redirection(redirection, redirectionStart);
                }
                else
                {
                    Word(ReadWord());
                }
            }
            Finish(null);
            return new ShellScript(_commands);
        }

        private bool TryOperator(out string op)
        {
            op = "";
            var c = _s[_p];
            var next = _p + 1 < _s.Length ? _s[_p + 1] : '\0';
            switch (c)
            {
                case '&' when next == '&': op = "&&"; break;
                case '|' when next == '|': op = "||"; break;
                case ';' when next == ';': op = ";;"; break;
                case '|' when next == '&': op = "|&"; break;
                case '&' when next == '>': return false;
                case '&': op = "&"; break; // literals: shared strings, not one per operator read
                case '|': op = "|"; break;
                case ';': op = ";"; break;
                case '(': op = "("; break;
                case ')': op = ")"; break;
                default: return false;
            }
            _p += op.Length;
            return true;
        }

        private void Operator(string op)
        {
            switch (op)
            {
                case "(":
                    Finish(null);
                    _depth++;
                    break;
                case ")":
                    Finish(null);
                    _depth = Math.Max(0, _depth - 1);
                    _afterGroupClose = true;
                    return;
                default:
                    Finish(op);
                    break;
            }
            _afterGroupClose = false;
        }

        private bool TryRedirection(out string op, out int start)
        {
            start = _p;
            var q = _p;
            while (q < _s.Length && char.IsAsciiDigit(_s[q]))
                q++;
            op = "";
            if (q >= _s.Length || _s[q] is not ('<' or '>' or '&'))
                return false; // every redirection operator starts with one of these
            var rest = _s.AsSpan(q);
            foreach (var candidate in RedirectionOperators)
            {
                if (rest.StartsWith(candidate, StringComparison.Ordinal) && !(candidate[0] == '&' && q != _p))
                {
                    op = q == _p ? candidate : _s[_p..(q + candidate.Length)]; // without a descriptor number it is the operator itself
                    _p = q + candidate.Length;
                    return true;
                }
            }
            return false;
        }

        private void Redirection(string op, int start)
        {
            while (_p < _s.Length && _s[_p] is ' ' or '\t')
                _p++;
            ShellWord? target = null;
            if (_p < _s.Length && !IsMeta(_s[_p]) && _s[_p] != '\n')
                target = ReadWord();
            _redirections.Add(new ShellRedirection(op, target, source.Span(start, _p)));
            if (target is not null && (op.EndsWith("<<", StringComparison.Ordinal) || op.EndsWith("<<-", StringComparison.Ordinal)))
                _pendingHeredocs.Add((target.Value, op.EndsWith('-')));
        }

        /// <summary>After a line with heredoc redirections, skips their bodies (they are data, not commands).</summary>
        private void SkipHeredocBodies()
        {
            foreach (var (delimiter, strip) in _pendingHeredocs)
            {
                while (_p < _s.Length)
                {
                    var lineEnd = _s.IndexOf('\n', _p);
                    if (lineEnd < 0)
                        lineEnd = _s.Length;
                    var line = _s.AsSpan(_p..lineEnd).TrimEnd('\r');
                    _p = Math.Min(_s.Length, lineEnd + 1);
                    if ((strip ? line.TrimStart('\t') : line).SequenceEqual(delimiter))
                        break;
                }
            }
            _pendingHeredocs.Clear();
        }

        private void Word(ShellWord word)
        {
            if (_executable is null && _assignments.Count == 0 && _redirections.Count == 0)
                _afterGroupClose = false;
            if (_executable is null && _arguments.Count == 0)
            {
                if (IsAssignment(word.Raw))
                {
                    if (_assignments.Count == 0 && _redirections.Count == 0)
                        _commandDepth = _depth;
                    _assignments.Add(word);
                    return;
                }
                if (_assignments.Count == 0 && _redirections.Count == 0)
                {
                    if (word.Raw == "{")
                    {
                        _depth++;
                        return;
                    }
                    if (word.Raw == "}")
                    {
                        Finish(null);
                        _depth = Math.Max(0, _depth - 1);
                        _afterGroupClose = true;
                        return;
                    }
                    if (SkippedReservedWords.Contains(word.Raw))
                        return;
                }
                if (_assignments.Count == 0 && _redirections.Count == 0)
                    _commandDepth = _depth;
                _executable = word;
                return;
            }
            _arguments.Add(word);
        }

        private void Finish(string? separator)
        {
            if (_executable is null && _assignments.Count == 0 && _redirections.Count > 0 && _afterGroupClose && _commands.Count > 0)
            {
                // Redirections after ")" or "}" apply to the group: keep them on its last command.
                _commands[^1] = _commands[^1] with { Redirections = [.. _commands[^1].Redirections, .. _redirections] };
                _redirections.Clear();
            }
            if (_executable is null && _assignments.Count == 0 && _redirections.Count == 0)
            {
                if (separator is not null && _commands.Count > 0 && _commands[^1].Separator is null)
                    _commands[^1] = _commands[^1] with { Separator = separator };
                return;
            }
            _commands.Add(new ShellCommand(ItemList<ShellWord>.CopyOf(_assignments), _executable, ItemList<ShellWord>.CopyOf(_arguments), ItemList<ShellRedirection>.CopyOf(_redirections), separator,
                _executable is null && _assignments.Count == 0 ? _depth : _commandDepth));
            _assignments.Clear();
            _arguments.Clear();
            _redirections.Clear();
            _executable = null;
        }

        private static bool IsAssignment(string raw)
        {
            if (raw.Length < 2 || !(char.IsAsciiLetter(raw[0]) || raw[0] == '_'))
                return false;
            for (var i = 1; i < raw.Length; i++)
            {
                if (raw[i] == '=')
                    return true;
                if (!(char.IsAsciiLetterOrDigit(raw[i]) || raw[i] == '_'))
                    return raw[i] == '+' && i + 1 < raw.Length && raw[i + 1] == '=';
            }
            return false;
        }

        private static bool IsMeta(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

        // The word being read: its value and, per character, the document offset. Reused for every word of the script.
        private readonly StringBuilder _value = new();
        private readonly List<int> _offsets = [];
        private bool _withOffsets; // offsets are only needed for a word's value text

        private void Keep(int index)
        {
            _value.Append(_s[index]);
            if (_withOffsets)
                _offsets.Add(source.OffsetAt(index));
        }

        public MappedText ValueTextAt(int start)
        {
            _p = start;
            _withOffsets = true;
            ReadValue();
            if (_value.Length == _p - start)
                return source.Share(start, _s[start.._p], source.OffsetAt(_p));
            return MappedText.FromOffsets(_value.ToString(), _offsets, source.OffsetAt(_p), source.Map);
        }

        private ShellWord ReadWord()
        {
            var start = _p;
            // Most words have nothing quoted, escaped or substituted: their value is their text, no need to copy it character by character.
            var end = start;
            while (end < _s.Length && !IsMeta(_s[end]) && _s[end] is not ('\\' or '\'' or '"' or '$' or '`'))
                end++;
            if (end > start && (end == _s.Length || IsMeta(_s[end])))
            {
                _p = end;
                var plain = _s[start..end];
                return new ShellWord(plain, plain, source.Span(start, end), source, start);
            }
            ReadValue();
            var raw = _s[start.._p];
            var value = _value.Length == _p - start ? raw : _value.ToString();
            return new ShellWord(raw, value, source.Span(start, _p), source, start);
        }

        /// <summary>Reads the word at the current position: its value and the document offset of each of its characters.</summary>
        private void ReadValue()
        {
            var start = _p;
            _value.Clear();
            _offsets.Clear();
            while (_p < _s.Length && !IsMeta(_s[_p]))
            {
                var c = _s[_p];
                if (c == '\\')
                {
                    if (_p + 1 < _s.Length && _s[_p + 1] == '\n')
                    {
                        _p += 2;
                        continue;
                    }
                    if (_p + 1 < _s.Length)
                        Keep(_p + 1);
                    _p += 2;
                }
                else if (c == '\'')
                {
                    _p++;
                    while (_p < _s.Length && _s[_p] != '\'')
                    {
                        Keep(_p);
                        _p++;
                    }
                    _p++;
                }
                else if (c == '"')
                {
                    _p++;
                    while (_p < _s.Length && _s[_p] != '"')
                    {
                        if (_s[_p] == '\\' && _p + 1 < _s.Length && _s[_p + 1] is '"' or '\\' or '$' or '`' or '\n')
                        {
                            if (_s[_p + 1] != '\n')
                                Keep(_p + 1);
                            _p += 2;
                        }
                        else if (_s[_p] == '$' && _p + 1 < _s.Length && _s[_p + 1] is '(' or '{')
                        {
                            KeepBalanced();
                        }
                        else if (_s[_p] == '`')
                        {
                            KeepBackticks();
                        }
                        else
                        {
                            Keep(_p);
                            _p++;
                        }
                    }
                    _p++;
                }
                else if (c == '$' && _p + 1 < _s.Length && _s[_p + 1] is '(' or '{')
                {
                    KeepBalanced();
                }
                else if (c == '`')
                {
                    KeepBackticks();
                }
                else
                {
                    Keep(_p);
                    _p++;
                }
            }
            _p = Math.Min(_p, _s.Length);
            if (_p == start)
            {
                // A lone metacharacter the operator readers did not take: make it a word so the loop advances.
                Keep(_p);
                _p++;
            }
        }

        /// <summary>Keeps <c>$( ... )</c> or <c>${ ... }</c> (nested, with quotes inside) as written.</summary>
        private void KeepBalanced()
        {
            var open = _s[_p + 1];
            var close = open == '(' ? ')' : '}';
            Keep(_p);
            Keep(_p + 1);
            _p += 2;
            var depth = 1;
            while (_p < _s.Length && depth > 0)
            {
                var c = _s[_p];
                if (c == '\\' && _p + 1 < _s.Length)
                {
                    Keep(_p);
                    Keep(_p + 1);
                    _p += 2;
                    continue;
                }
                if (c is '\'' or '"')
                {
                    Keep(_p);
                    _p++;
                    while (_p < _s.Length && _s[_p] != c)
                    {
                        if (c == '"' && _s[_p] == '\\' && _p + 1 < _s.Length)
                        {
                            Keep(_p);
                            _p++;
                        }
                        Keep(_p);
                        _p++;
                    }
                    if (_p < _s.Length)
                    {
                        Keep(_p);
                        _p++;
                    }
                    continue;
                }
                if (c == open)
                    depth++;
                else if (c == close)
                    depth--;
                Keep(_p);
                _p++;
            }
        }

        private void KeepBackticks()
        {
            Keep(_p);
            _p++;
            while (_p < _s.Length && _s[_p] != '`')
            {
                if (_s[_p] == '\\' && _p + 1 < _s.Length)
                {
                    Keep(_p);
                    _p++;
                }
                Keep(_p);
                _p++;
            }
            if (_p < _s.Length)
            {
                Keep(_p);
                _p++;
            }
        }
    }
}
