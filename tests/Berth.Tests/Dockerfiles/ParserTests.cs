using Berth.Dockerfiles;

namespace Berth.Tests.Dockerfiles;

public sealed class ParserTests
{
    private static DockerfileDocument Parse(string text) => DockerfileParser.Parse("Dockerfile", text);

    private static T Single<T>(string text) where T : Instruction => Assert.IsType<T>(Parse(text).Instructions.Single());

    [Fact]
    public void Directives_are_read_case_insensitively_before_the_first_other_line()
    {
        var document = Parse("# Syntax = docker/dockerfile:1.7\n#ESCAPE=`\n# check=skip=all\n# hello\n# escape=\\\nFROM a\n");

        Assert.Equal(["syntax", "escape", "check"], document.Directives.Select(d => d.Name).ToArray());
        Assert.Equal("docker/dockerfile:1.7", document.Directive("syntax")!.Value);
        Assert.Equal(new SourceSpan(11, 32, 1, 12, 1, 33), document.Directive("syntax")!.ValueSpan);
        Assert.Equal('`', document.EscapeChar);
        Assert.IsType<CommentLine>(document.Nodes[3]);
        Assert.IsType<CommentLine>(document.Nodes[4]);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void A_blank_line_or_comment_ends_the_directives()
    {
        Assert.Equal('\\', Parse("\n# escape=`\nFROM a").EscapeChar);
        Assert.Equal('\\', Parse("# hello\n# escape=`\nFROM a").EscapeChar);
        Assert.Equal('\\', Parse("FROM a\n# escape=`\n").EscapeChar);
        Assert.Empty(Parse("# unknown=1\n# escape=`\n").Directives);
    }

    [Fact]
    public void Bad_and_duplicate_directives_are_diagnostics()
    {
        var document = Parse("# escape=x\n# escape=`\nFROM a\n");
        Assert.Equal([DiagnosticCodes.InvalidEscapeDirective, DiagnosticCodes.DuplicateDirective], document.Diagnostics.Select(d => d.Code).ToArray());
        Assert.Equal('\\', document.EscapeChar);
        Assert.Equal(1, document.Diagnostics[0].Span.StartLine);
        Assert.Equal(10, document.Diagnostics[0].Span.StartColumn);
    }

    [Fact]
    public void Continuations_join_lines_and_drop_comments_and_blank_lines()
    {
        var run = Single<RunInstruction>("RUN apt-get update \\\n  # refresh\n\n    && apt-get install -y curl\n");

        Assert.Equal("apt-get update     && apt-get install -y curl", run.Command.Text);
        Assert.Equal(new SourceSpan(0, 64, 1, 1, 4, 31), run.Span);
        Assert.Equal("\n", run.LineBreak);
        Assert.Equal([new SourceSpan(21, 32, 2, 1, 2, 12)], run.Syntax.CommentLines);
        Assert.Equal(new SourceSpan(33, 33, 3, 1, 3, 1), run.Syntax.EmptyContinuationLines.Single());
    }

    [Fact]
    public void Backtick_escape_continues_lines_and_backslashes_are_literal()
    {
        var document = Parse("# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\nRUN dir c:\\ `\r\n    && echo done\r\nWORKDIR c:\\app\r\n");
        var run = document.Instructions.OfType<RunInstruction>().Single();
        Assert.Equal("dir c:\\     && echo done", run.Command.Text);
        Assert.Equal("c:\\app", document.Instructions.OfType<WorkdirInstruction>().Single().Path);
        Assert.Equal(4, document.Nodes.Count);
    }

    [Fact]
    public void Keyword_and_flag_spans_are_exact()
    {
        var run = Single<RunInstruction>("  run --mount=type=cache,target=/root/.cache --network=host --security=insecure pip install x");

        Assert.Equal("run", run.Keyword);
        Assert.Equal(InstructionKind.Run, run.Kind);
        Assert.Equal(new SourceSpan(2, 5, 1, 3, 1, 6), run.Syntax.KeywordSpan);
        Assert.Equal(["mount", "network", "security"], run.Flags.Select(f => f.Name).ToArray());
        var mount = run.Flags[0];
        Assert.Equal("type=cache,target=/root/.cache", mount.Value);
        Assert.Equal(new SourceSpan(6, 44, 1, 7, 1, 45), mount.Span);
        Assert.Equal(new SourceSpan(8, 13, 1, 9, 1, 14), mount.NameSpan);
        Assert.Equal(new SourceSpan(14, 44, 1, 15, 1, 45), mount.ValueSpan);
        Assert.Equal("cache", run.Mounts().Single().Type);
        Assert.Equal("/root/.cache", run.Mounts().Single().Target);
        Assert.Equal("pip install x", run.Arguments.Text);
        Assert.Equal(new SourceSpan(80, 93, 1, 81, 1, 94), run.Arguments.Span);
    }

    [Fact]
    public void Flags_split_across_continuation_lines_map_to_each_line()
    {
        var copy = Single<CopyInstruction>("COPY --from=build \\\n     --chown=app:app --chmod=755 --link \\\n     /src /dst");

        Assert.Equal("build", copy.From);
        Assert.Equal(new SourceSpan(25, 40, 2, 6, 2, 21), copy.Flag("chown")!.Span);
        Assert.Null(copy.Flag("link")!.Value);
        Assert.Equal("/dst", copy.Destination!.Value);
        Assert.Equal(new SourceSpan(72, 76, 3, 11, 3, 15), copy.Destination.Span);
        Assert.Empty(Parse("COPY --from=build \\\n     --chown=app:app --chmod=755 --link \\\n     /src /dst").Diagnostics);
    }

    [Fact]
    public void Heredoc_bodies_belong_to_the_instruction()
    {
        const string text = "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n";
        var document = Parse(text);
        var run = Assert.IsType<RunInstruction>(document.Instructions.First());

        var heredoc = run.Heredocs.Single();
        Assert.Equal("EOF", heredoc.Name);
        Assert.False(heredoc.IsQuoted);
        Assert.Equal("apt-get update\napt-get install -y curl\n", heredoc.Body);
        Assert.Equal(new SourceSpan(4, 9, 1, 5, 1, 10), heredoc.MarkerSpan);
        Assert.Equal(new SourceSpan(10, 49, 2, 1, 4, 1), heredoc.BodySpan);
        Assert.Equal(new SourceSpan(49, 52, 4, 1, 4, 4), heredoc.TerminatorSpan);
        Assert.Equal(new SourceSpan(0, 52, 1, 1, 4, 4), run.Span);
        Assert.IsType<UserInstruction>(document.Instructions.Last());
    }

    [Fact]
    public void Heredocs_with_tab_stripping_quotes_and_several_per_instruction()
    {
        var run = Single<RunInstruction>("RUN <<-\"A\" 3<<'B' cat - /dev/fd/3\n\techo $x\n\tA\nplain\nB\n");

        Assert.Equal(["A", "B"], run.Heredocs.Select(h => h.Name).ToArray());
        Assert.True(run.Heredocs[0].StripsTabs);
        Assert.True(run.Heredocs[0].IsQuoted);
        Assert.Equal("echo $x\n", run.Heredocs[0].Content);
        Assert.Equal("\techo $x\n", run.Heredocs[0].Body);
        Assert.Equal("3", run.Heredocs[1].FileDescriptor);
        Assert.Equal("plain\n", run.Heredocs[1].Content);
        Assert.Equal(5, run.Span.EndLine);
    }

    [Fact]
    public void Copy_heredoc_and_escaped_delimiter()
    {
        var copy = Single<CopyInstruction>("COPY <<EOF /etc/app.conf\nkey=value\nEOF\n");
        Assert.Equal("<<EOF", copy.Sources.Single().Raw);
        Assert.Equal("/etc/app.conf", copy.Destination!.Value);
        Assert.Equal("key=value\n", copy.Heredocs.Single().Content);

        var run = Single<RunInstruction>("RUN cat <<-\\EOT > /x\n\tline\n\tEOT\n");
        Assert.True(run.Heredocs.Single().IsQuoted);
        Assert.Equal("EOT", run.Heredocs.Single().Name);
    }

    [Fact]
    public void Heredoc_after_a_continuation()
    {
        var run = Single<RunInstruction>("RUN set -e; \\\n    cat <<EOF > /f\nhello\nEOF\n");
        Assert.Equal("hello\n", run.Heredocs.Single().Content);
        Assert.Equal(4, run.Span.EndLine);
    }

    [Fact]
    public void Here_strings_and_json_quoted_markers_are_not_heredocs()
    {
        Assert.Empty(Single<RunInstruction>("RUN cat <<< hello").Heredocs);
        Assert.Empty(Single<RunInstruction>("RUN [\"sh\", \"-c\", \"cat <<EOF\"]").Heredocs);
    }

    [Fact]
    public void Unterminated_heredoc_is_a_diagnostic_and_keeps_the_rest()
    {
        const string text = "RUN <<EOF\necho\nFROM a\n";
        var document = Parse(text);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnterminatedHeredoc, diagnostic.Code);
        Assert.Equal(new SourceSpan(4, 9, 1, 5, 1, 10), diagnostic.Span);
        Assert.Single(document.Instructions);
        Assert.Equal(text, document.ToText());
    }

    [Fact]
    public void Exec_form_and_shell_form()
    {
        var cmd = Single<CmdInstruction>("CMD [\"gunicorn\", \"app:app\", \"--bind\", \"0.0.0.0:8000\"]");
        Assert.True(cmd.Command.IsExecForm);
        Assert.Equal(["gunicorn", "app:app", "--bind", "0.0.0.0:8000"], cmd.Command.ExecArguments!.Select(a => a.Value).ToArray());
        Assert.Equal(new SourceSpan(17, 26, 1, 18, 1, 27), cmd.Command.ExecArguments![1].Span);

        var broken = Single<EntrypointInstruction>("ENTRYPOINT ['python', 'app.py']");
        Assert.False(broken.Command.IsExecForm);
        Assert.Equal("['python', 'app.py']", broken.Command.Text);

        var escaped = Single<CmdInstruction>("CMD [\"echo\", \"a\\\"b\\u0041\"]");
        Assert.Equal("a\"bA", escaped.Command.ExecArguments![1].Value);
    }

    [Fact]
    public void Shell_requires_json()
    {
        Assert.Equal(["/bin/bash", "-o", "pipefail", "-c"], Single<ShellInstruction>("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]").Command.ExecArguments!.Select(a => a.Value).ToArray());
        Assert.Equal(DiagnosticCodes.InvalidJson, Parse("SHELL /bin/bash -c").Diagnostics.Single().Code);
    }

    [Fact]
    public void Malformed_lines_are_diagnostics_not_exceptions()
    {
        var document = Parse("FROM\nFROBNICATE x\nCOPY --=x a b\nRUN --bogus echo\nFROM a b\nCOPY onlyone\n");
        Assert.Equal(
            [DiagnosticCodes.MissingArguments, DiagnosticCodes.UnknownInstruction, DiagnosticCodes.FlagWithoutName,
             DiagnosticCodes.UnknownFlag, DiagnosticCodes.InvalidArguments, DiagnosticCodes.InvalidArguments],
            document.Diagnostics.Select(d => d.Code).ToArray());
        Assert.Equal(new SourceSpan(5, 15, 2, 1, 2, 11), document.Diagnostics[1].Span);
        Assert.IsType<UnknownInstruction>(document.Instructions.ElementAt(1));
    }

    [Fact]
    public void Crlf_heredocs_and_tab_stripped_copy()
    {
        var document = Parse("COPY <<-EOF /etc/motd\r\n\tHello\r\n\tEOF\r\nRUN true\r\n");
        var copy = Assert.IsType<CopyInstruction>(document.Instructions.First());
        Assert.Equal("Hello\r\n", copy.Heredocs.Single().Content);
        Assert.Equal(new SourceSpan(31, 35, 3, 1, 3, 5), copy.Heredocs.Single().TerminatorSpan);
        Assert.Equal("\r\n", copy.LineBreak);
        Assert.Equal(2, document.Instructions.Count());
    }

    [Fact]
    public void Stages_and_global_instructions()
    {
        var document = Parse("ARG V=1\nFROM a AS one\nRUN x\nFROM one\nCOPY --from=one / /\n");
        Assert.IsType<ArgInstruction>(document.GlobalInstructions.Single());
        Assert.Equal(["one", "-"], document.Stages.Select(s => s.Name ?? "-").ToArray());
        Assert.IsType<RunInstruction>(document.Stages[0].Instructions.Single());
        Assert.Equal(1, document.Stages[1].Index);
    }

    [Fact]
    public void Onbuild_of_a_forbidden_trigger_is_a_diagnostic()
    {
        var document = Parse("ONBUILD FROM a\nONBUILD\n");
        Assert.Equal([DiagnosticCodes.InvalidArguments, DiagnosticCodes.MissingArguments], document.Diagnostics.Select(d => d.Code).ToArray());
        Assert.Equal(new SourceSpan(8, 12, 1, 9, 1, 13), document.Diagnostics[0].Span);
        Assert.Null(Assert.IsType<OnbuildInstruction>(document.Instructions.Last()).Inner);
    }
}
