namespace Berth.Dockerfiles;

/// <summary>Turns one logical instruction line into its keyword, flags and typed arguments.</summary>
internal static class InstructionReader
{
    private static readonly Dictionary<string, InstructionKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ADD"] = InstructionKind.Add,
        ["ARG"] = InstructionKind.Arg,
        ["CMD"] = InstructionKind.Cmd,
        ["COPY"] = InstructionKind.Copy,
        ["ENTRYPOINT"] = InstructionKind.Entrypoint,
        ["ENV"] = InstructionKind.Env,
        ["EXPOSE"] = InstructionKind.Expose,
        ["FROM"] = InstructionKind.From,
        ["HEALTHCHECK"] = InstructionKind.Healthcheck,
        ["LABEL"] = InstructionKind.Label,
        ["MAINTAINER"] = InstructionKind.Maintainer,
        ["ONBUILD"] = InstructionKind.Onbuild,
        ["RUN"] = InstructionKind.Run,
        ["SHELL"] = InstructionKind.Shell,
        ["STOPSIGNAL"] = InstructionKind.Stopsignal,
        ["USER"] = InstructionKind.User,
        ["VOLUME"] = InstructionKind.Volume,
        ["WORKDIR"] = InstructionKind.Workdir,
    };

    // Looks a keyword up without making a string of it first.
    private static readonly Dictionary<string, InstructionKind>.AlternateLookup<ReadOnlySpan<char>> KeywordsBySpan =
        Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<InstructionKind, string[]> KnownFlags = new()
    {
        [InstructionKind.From] = ["platform"],
        [InstructionKind.Run] = ["mount", "network", "security", "device"],
        [InstructionKind.Copy] = ["from", "chown", "chmod", "link", "exclude", "parents"],
        [InstructionKind.Add] = ["chown", "chmod", "link", "exclude", "checksum", "keep-git-dir", "unpack"],
        [InstructionKind.Healthcheck] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    private static readonly InstructionFlag[] NoFlags = [];

    public static Instruction Read(MappedText logical, SourceSpan span, string text, string lineBreak, char escape,
        IReadOnlyList<Heredoc> heredocs, IReadOnlyList<SourceSpan> comments, IReadOnlyList<SourceSpan> empties,
        List<DockerfileDiagnostic> diagnostics)
    {
        var s = logical.Text;
        var p = 0;
        while (p < s.Length && char.IsWhiteSpace(s[p]))
            p++;
        var keywordStart = p;
        while (p < s.Length && !char.IsWhiteSpace(s[p]))
            p++;
        var (keyword, kind) = Keyword(s.AsSpan(keywordStart, p - keywordStart));
        var keywordSpan = logical.Span(keywordStart, p);

        List<InstructionFlag>? flags = null; // most instructions have none: no list for them
        while (true)
        {
            while (p < s.Length && char.IsWhiteSpace(s[p]))
                p++;
            if (p + 1 >= s.Length || s[p] != '-' || s[p + 1] != '-')
                break;
            var end = ArgumentWords.WordEnd(s, p, s.Length, escape);
            (flags ??= []).Add(ReadFlag(logical, p, end, escape, kind, diagnostics));
            p = end;
        }
        var argsEnd = s.Length;
        while (argsEnd > p && char.IsWhiteSpace(s[argsEnd - 1]))
            argsEnd--;
        var args = logical.Slice(p, argsEnd);
        var syntax = new InstructionSyntax(span, text, lineBreak, keyword, keywordSpan, kind, flags ?? (IReadOnlyList<InstructionFlag>)NoFlags,
            new InstructionArguments(args), heredocs, comments, empties);

        if (kind == InstructionKind.Unknown)
        {
            diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.UnknownInstruction, $"unknown instruction: {keyword}", keywordSpan));
            return new UnknownInstruction(syntax);
        }
        if (args.Length == 0)
        {
            diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.MissingArguments,
                $"{keyword.ToUpperInvariant()} requires at least one argument", keywordSpan));
        }
        var reader = new TypedReader(syntax, args, escape, diagnostics);
        return kind switch
        {
            InstructionKind.From => reader.From(),
            InstructionKind.Arg => reader.Arg(),
            InstructionKind.Env => new EnvInstruction(syntax, reader.Pairs(out var legacy), legacy),
            InstructionKind.Label => new LabelInstruction(syntax, reader.Pairs(out _)),
            InstructionKind.Expose => reader.Expose(),
            InstructionKind.User => reader.User(),
            InstructionKind.Workdir => new WorkdirInstruction(syntax, ArgumentWords.Unquote(args.Text, escape)),
            InstructionKind.Stopsignal => new StopsignalInstruction(syntax, ArgumentWords.Unquote(args.Text, escape)),
            InstructionKind.Maintainer => new MaintainerInstruction(syntax, args.Text),
            InstructionKind.Volume => reader.Volume(),
            InstructionKind.Run => new RunInstruction(syntax, reader.Command()),
            InstructionKind.Cmd => new CmdInstruction(syntax, reader.Command()),
            InstructionKind.Entrypoint => new EntrypointInstruction(syntax, reader.Command()),
            InstructionKind.Shell => new ShellInstruction(syntax, reader.Command(requireJson: true)),
            InstructionKind.Healthcheck => reader.Healthcheck(),
            InstructionKind.Copy or InstructionKind.Add => reader.Copy(),
            InstructionKind.Onbuild => reader.Onbuild(),
            _ => new UnknownInstruction(syntax),
        };
    }

    /// <summary>The keyword as written and its kind. Written as in the table (upper case, as nearly always), it is the table's string, not a copy.</summary>
    private static (string Keyword, InstructionKind Kind) Keyword(ReadOnlySpan<char> written)
    {
        if (!KeywordsBySpan.TryGetValue(written, out var known, out var kind))
            return (written.ToString(), InstructionKind.Unknown);
        return (written.SequenceEqual(known) ? known : written.ToString(), kind);
    }

    private static InstructionFlag ReadFlag(MappedText logical, int start, int end, char escape, InstructionKind kind,
        List<DockerfileDiagnostic> diagnostics)
    {
        var raw = logical.Text[start..end];
        var eq = raw.IndexOf('=', StringComparison.Ordinal);
        var nameEnd = eq < 0 ? end : start + eq;
        var name = logical.Text[(start + 2)..nameEnd];
        string? value = null;
        SourceSpan? valueSpan = null;
        if (eq >= 0)
        {
            value = ArgumentWords.Unquote(raw[(eq + 1)..], escape);
            valueSpan = logical.Span(start + eq + 1, end);
        }
        var flag = new InstructionFlag(name, value, raw, logical.Span(start, end), logical.Span(start + 2, nameEnd), valueSpan);
        if (name.Length == 0)
        {
            diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.FlagWithoutName, $"flag '{raw}' has no name", flag.Span));
        }
        else if (kind != InstructionKind.Unknown && kind != InstructionKind.Onbuild
            && !(KnownFlags.TryGetValue(kind, out var known) && Array.IndexOf(known, name) >= 0))
        {
            diagnostics.Add(new DockerfileDiagnostic(DiagnosticCodes.UnknownFlag, $"unknown flag for {kind.ToString().ToUpperInvariant()}: --{name}", flag.NameSpan));
        }
        return flag;
    }

    /// <summary>Typed views of one instruction's arguments (a struct: one is made per instruction and used only there).</summary>
    private readonly struct TypedReader(InstructionSyntax syntax, MappedText args, char escape, List<DockerfileDiagnostic> diagnostics)
    {
        private void Report(string code, string message, SourceSpan? at = null) =>
            diagnostics.Add(new DockerfileDiagnostic(code, message, at ?? syntax.KeywordSpan));

        public FromInstruction From()
        {
            var words = ArgumentWords.SplitOnWhitespace(args, escape);
            var image = words.Count > 0 ? words[0] : null;
            ArgumentWord? stage = null;
            if (words.Count == 3 && string.Equals(words[1].Value, "AS", StringComparison.OrdinalIgnoreCase))
                stage = words[2];
            else if (words.Count > 1)
                Report(DiagnosticCodes.InvalidArguments, "FROM requires either one or three arguments (image [AS name])", args.Span(0, args.Length));
            return new FromInstruction(syntax, image, image is null ? null : ImageReference.Parse(image.Value), stage);
        }

        public ArgInstruction Arg()
        {
            var declarations = new List<ArgDeclaration>();
            foreach (var (start, end) in ArgumentWords.Bounds(args.Text, 0, args.Length, escape))
            {
                var eq = args.Text.AsSpan(start, end - start).IndexOf('=');
                if (eq == 0)
                    Report(DiagnosticCodes.InvalidArguments, "ARG names can not be blank", args.Span(start, end));
                if (eq < 0)
                {
                    declarations.Add(new ArgDeclaration(ArgumentWords.Unquote(args.Text[start..end], escape), null, null, args.Span(start, end), args.Span(start, end), null));
                    continue;
                }
                // The name and the default are cut from the arguments directly: the whole word is never needed as a string.
                var defaultRaw = args.Text[(start + eq + 1)..end];
                declarations.Add(new ArgDeclaration(ArgumentWords.Unquote(args.Text[start..(start + eq)], escape), defaultRaw, ArgumentWords.Unquote(defaultRaw, escape),
                    args.Span(start, end), args.Span(start, start + eq), args.Span(start + eq + 1, end)));
            }
            return new ArgInstruction(syntax, declarations);
        }

        public List<KeyValueEntry> Pairs(out bool legacy)
        {
            var bounds = ArgumentWords.Bounds(args.Text, 0, args.Length, escape);
            var pairs = new List<KeyValueEntry>(bounds.Count); // a pair per word (legacy form: one)
            legacy = bounds.Count > 0 && args.Text.IndexOf('=', bounds[0].Start, bounds[0].End - bounds[0].Start) < 0;
            if (legacy)
            {
                var (keyStart, keyEnd) = bounds[0];
                var key = args.Text[keyStart..keyEnd];
                var valueStart = bounds.Count > 1 ? bounds[1].Start : args.Length;
                var rawValue = args.Text[valueStart..];
                if (bounds.Count < 2)
                    Report(DiagnosticCodes.InvalidArguments, $"{syntax.Keyword.ToUpperInvariant()} {key} needs a value", args.Span(keyStart, keyEnd));
                pairs.Add(new KeyValueEntry(ArgumentWords.Unquote(key, escape), rawValue, ArgumentWords.Unquote(rawValue, escape),
                    args.Span(0, args.Length), args.Span(keyStart, keyEnd), args.Span(valueStart, args.Length)));
                return pairs;
            }
            foreach (var (start, end) in bounds)
            {
                var raw = args.Text.AsSpan(start, end - start);
                var eq = raw.IndexOf('=');
                if (eq <= 0)
                {
                    Report(DiagnosticCodes.InvalidArguments,
                        eq == 0 ? $"{syntax.Keyword.ToUpperInvariant()} names can not be blank" : $"syntax error: can't find = in \"{raw}\"; must be of the form name=value",
                        args.Span(start, end));
                    if (eq < 0)
                        continue;
                }
                // The key and the value are cut from the arguments directly: the whole word is never needed as a string.
                var rawValue = args.Text[(start + eq + 1)..end];
                pairs.Add(new KeyValueEntry(ArgumentWords.Unquote(args.Text[start..(start + eq)], escape), rawValue, ArgumentWords.Unquote(rawValue, escape),
                    args.Span(start, end), args.Span(start, start + eq), args.Span(start + eq + 1, end)));
            }
            return pairs;
        }

        public ExposeInstruction Expose()
        {
            var ports = new List<ExposedPort>();
            foreach (var word in ArgumentWords.SplitOnWhitespace(args, escape))
            {
                var slash = word.Value.LastIndexOf('/');
                ports.Add(slash < 0
                    ? new ExposedPort(word.Raw, word.Value, "tcp", false, word.Span)
                    : new ExposedPort(word.Raw, word.Value[..slash], word.Value[(slash + 1)..].ToLowerInvariant(), true, word.Span));
            }
            return new ExposeInstruction(syntax, ports);
        }

        public UserInstruction User()
        {
            var colon = args.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                return new UserInstruction(syntax, ArgumentWords.Unquote(args.Text, escape), null, args.Span(0, args.Length), null);
            return new UserInstruction(syntax, ArgumentWords.Unquote(args.Text[..colon], escape), ArgumentWords.Unquote(args.Text[(colon + 1)..], escape),
                args.Span(0, colon), args.Span(colon + 1, args.Length));
        }

        public VolumeInstruction Volume()
        {
            var json = args.Text.StartsWith('[') ? JsonArrayReader.TryRead(args) : null;
            return new VolumeInstruction(syntax, json ?? ArgumentWords.SplitOnWhitespace(args, escape), json is not null);
        }

        public CommandLine Command(bool requireJson = false) => CommandFor(args, requireJson);

        private CommandLine CommandFor(MappedText text, bool requireJson)
        {
            var json = text.Text.StartsWith('[') ? JsonArrayReader.TryRead(text) : null;
            if (requireJson && json is null && text.Length > 0)
                Report(DiagnosticCodes.InvalidJson, $"{syntax.Keyword.ToUpperInvariant()} requires the arguments to be in JSON form", text.Span(0, text.Length));
            return new CommandLine(text, json);
        }

        public HealthcheckInstruction Healthcheck()
        {
            var bounds = ArgumentWords.Bounds(args.Text, 0, args.Length, escape);
            if (bounds.Count == 0)
                return new HealthcheckInstruction(syntax, false, null, null);
            var (start, end) = bounds[0];
            var typeText = args.Text[start..end];
            var type = new ArgumentWord(typeText, typeText, args.Span(start, end));
            if (string.Equals(type.Value, "NONE", StringComparison.OrdinalIgnoreCase))
            {
                if (bounds.Count > 1)
                    Report(DiagnosticCodes.InvalidArguments, "HEALTHCHECK NONE takes no arguments", args.Span(bounds[1].Start, args.Length));
                return new HealthcheckInstruction(syntax, true, type, null);
            }
            if (!string.Equals(type.Value, "CMD", StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticCodes.InvalidArguments, $"unknown type for HEALTHCHECK: {type.Value} (expected CMD or NONE)", type.Span);
                return new HealthcheckInstruction(syntax, false, type, null);
            }
            var commandStart = bounds.Count > 1 ? bounds[1].Start : args.Length;
            if (bounds.Count < 2)
                Report(DiagnosticCodes.MissingArguments, "HEALTHCHECK CMD requires a command", type.Span);
            return new HealthcheckInstruction(syntax, false, type, CommandFor(args.Slice(commandStart, args.Length), false));
        }

        public CopyInstruction Copy()
        {
            var json = args.Text.StartsWith('[') ? JsonArrayReader.TryRead(args) : null;
            var words = json ?? ArgumentWords.SplitOnWhitespace(args, escape);
            if (words.Count < 2 && !(words.Count == 1 && syntax.Heredocs.Count > 0))
            {
                if (args.Length > 0)
                    Report(DiagnosticCodes.InvalidArguments, $"{syntax.Keyword.ToUpperInvariant()} requires at least two arguments (source and destination)", args.Span(0, args.Length));
                return new CopyInstruction(syntax, [.. words], null, json is not null);
            }
            return new CopyInstruction(syntax, words.GetRange(0, words.Count - 1), words[^1], json is not null);
        }

        public OnbuildInstruction Onbuild()
        {
            if (args.Length == 0)
                return new OnbuildInstruction(syntax, null);
            var start = args.OffsetAt(0);
            var end = args.Span(0, args.Length).End;
            var map = args.Map;
            var innerSpan = map.Span(start, end);
            var innerText = syntax.Text.Substring(start - syntax.Span.Start, end - start);
            var inner = Read(args, innerSpan, innerText, "", escape, [], [], [], diagnostics);
            if (inner.Kind is InstructionKind.Onbuild or InstructionKind.From or InstructionKind.Maintainer)
                Report(DiagnosticCodes.InvalidArguments, $"{inner.Keyword.ToUpperInvariant()} isn't allowed as an ONBUILD trigger", inner.Syntax.KeywordSpan);
            return new OnbuildInstruction(syntax, inner);
        }
    }
}
