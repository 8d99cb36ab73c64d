using Berth.Generation;

namespace Berth.Tests.Generation;

public sealed class LineDiffTests
{
    [Fact]
    public void Shows_changed_lines_with_context()
    {
        var diff = LineDiff.Unified("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n", "old", "new");
        Assert.Equal("--- old\n+++ new\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n", diff);
    }

    [Fact]
    public void Identical_texts_have_no_hunks() => Assert.Equal("--- x\n+++ y\n", LineDiff.Unified("a\n", "a\n", "x", "y"));
}
