using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class QuotedInputTests
{
    [Theory]
    [InlineData("fastapi>=0.110", "fastapi>=0.110")]
    [InlineData("caf\u00e9 \u6f22\u5b57", "caf\u00e9 \u6f22\u5b57")]
    [InlineData("\u001b[2J\u0000x", "\\x1b[2J\\x00x")]
    [InlineData("a\tb\r", "a\\tb\\r")]
    [InlineData("bad\uFFFDbyte", "bad\\ufffdbyte")]
    [InlineData("evil\u202Etxt", "evil\\u202etxt")]
    public void Escapes_what_a_terminal_would_act_on(string text, string shown) => Assert.Equal(shown, QuotedInput.Of(text));

    [Fact]
    public void Cuts_long_text()
    {
        var shown = QuotedInput.Of(new string('a', 1000));
        Assert.Equal(new string('a', QuotedInput.MaxLength) + "…", shown);
    }
}
