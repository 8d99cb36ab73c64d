using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class PythonTokenizerTests
{
    private static List<PythonToken> Tokens(string text)
    {
        var tokenizer = new PythonTokenizer(text);
        var tokens = new List<PythonToken>();
        PythonToken token;
        while ((token = tokenizer.Next()).Kind != PythonTokenKind.EndOfFile)
        {
            tokens.Add(token);
        }

        return tokens;
    }

    private static string Shape(string text) =>
        string.Join(' ', Tokens(text).Select(t => t.Kind switch
        {
            PythonTokenKind.Newline => "NL",
            PythonTokenKind.String => "S:" + t.Text,
            _ => t.Text,
        }));

    [Fact]
    public void Comments_and_blank_lines_produce_no_tokens() =>
        Assert.Equal("x = 1 NL y NL", Shape("# c\n\nx = 1  # trailing\n   \n# again\ny\n"));

    [Fact]
    public void Brackets_continue_the_logical_line() =>
        Assert.Equal("f ( a , b ) NL", Shape("f(a,  # c\n\n  b)\n"));

    [Fact]
    public void Backslash_continues_the_logical_line() =>
        Assert.Equal("x = 1 + 2 NL", Shape("x = 1 + \\\n    2\n"));

    [Fact]
    public void Crlf_and_lone_cr_count_lines()
    {
        var tokens = Tokens("a\r\nb\rc\n'''x\r\ny'''\nd");
        Assert.Equal([1, 2, 3, 4, 6], tokens.Where(t => t.Kind != PythonTokenKind.Newline).Select(t => t.Line));
    }

    [Fact]
    public void Bom_is_skipped() => Assert.Equal("x NL", Shape("\uFEFFx"));

    [Theory]
    [InlineData("rb'\\x'", "\\x", true, false)]
    [InlineData("Rb\"a\"", "a", true, false)]
    [InlineData("f'{x}'", "{x}", false, true)]
    [InlineData("fr'{x}\\n'", "{x}\\n", false, true)]
    [InlineData("t'{x}'", "{x}", false, true)]
    [InlineData("F\"{{lit}}\"", "{lit}", false, true)]
    public void String_prefixes(string text, string value, bool bytes, bool formatted)
    {
        var token = Assert.Single(Tokens(text), t => t.Kind == PythonTokenKind.String);
        Assert.Equal((value, bytes, formatted), (token.Text, token.Literal!.IsBytes, token.Literal.IsFormatted));
    }

    [Fact]
    public void Name_that_looks_like_a_prefix_is_a_name() => Assert.Equal("rb = fr NL", Shape("rb = fr"));

    [Fact]
    public void F_string_fields_with_nested_quotes_and_format_specs()
    {
        var token = Tokens("f\"{d['k']!r:>{w}} and {f'{inner}'} {{no}}\"")[0];
        var fields = token.Literal!.Fields.Select(f => "f\"{d['k']!r:>{w}} and {f'{inner}'} {{no}}\""[f.Start..f.End]).ToList();
        Assert.Equal(["d['k']!r:>{w}", "f'{inner}'"], fields);
    }

    [Fact]
    public void Python_312_same_quote_nesting_in_f_string()
    {
        var tokens = Tokens("x = f\"{d[\"k\"]}\" + y\n");
        Assert.Equal("x = S:{d[\"k\"]} + y NL", string.Join(' ', tokens.Select(t => t.Kind switch
        {
            PythonTokenKind.Newline => "NL",
            PythonTokenKind.String => "S:" + t.Text,
            _ => t.Text,
        })));
    }

    [Fact]
    public void Unterminated_string_ends_at_the_line_break() =>
        Assert.Equal("x = S:abc NL y = 1 NL", Shape("x = 'abc\ny = 1\n"));

    [Fact]
    public void Unterminated_triple_quoted_string_runs_to_the_end() =>
        Assert.Equal("x = S:abc\ny = 1\n NL", Shape("x = '''abc\ny = 1\n"));

    [Fact]
    public void Runaway_bracket_is_closed_by_a_new_top_level_statement()
    {
        var shape = Shape("x = foo(\n\ndef g():\n    pass\n");
        Assert.Equal("x = foo ( NL def g ( ) : NL pass NL", shape);
    }

    [Fact]
    public void Indentation_expands_tabs_to_multiples_of_eight()
    {
        var tokenizer = new PythonTokenizer("if x:\n\ty\n  \tz\n");
        var indents = new List<int>();
        var lineStart = true;
        PythonToken token;
        while ((token = tokenizer.Next()).Kind != PythonTokenKind.EndOfFile)
        {
            if (lineStart)
            {
                indents.Add(tokenizer.LogicalIndent);
            }

            lineStart = token.Kind == PythonTokenKind.Newline;
        }

        Assert.Equal([0, 8, 8], indents);
    }

    [Fact]
    public void Operators_take_the_longest_match() =>
        Assert.Equal("a **= b // c -> d := e ... != f NL", Shape("a **= b // c -> d := e ... != f"));

    [Fact]
    public void Numbers() => Assert.Equal("1_000 0x1F 1e+5 .5 3j NL", Shape("1_000 0x1F 1e+5 .5 3j"));
}
