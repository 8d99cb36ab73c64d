namespace Berth.Tests.Support;

public sealed class TextClipTests
{
    [Theory]
    [InlineData("short", 10, "…", "short")]
    [InlineData("exactly10!", 10, "…", "exactly10!")]
    [InlineData("one character too long", 10, "…", "one chara…")]
    [InlineData("one character too long", 10, "...", "one cha...")]
    public void Shortens_to_at_most_max_characters_marking_the_cut(string text, int max, string ellipsis, string expected) =>
        Assert.Equal(expected, TextClip.Shorten(text, max, ellipsis));

    [Fact]
    public void Never_cuts_a_surrogate_pair_in_half()
    {
        var text = "ab\U0001F600cdef"; // a, b, the emoji's two UTF-16 halves, c, d, e, f
        Assert.Equal("ab…", TextClip.Shorten(text, 4));
        Assert.Equal("ab\U0001F600…", TextClip.Shorten(text, 5));
    }
}
