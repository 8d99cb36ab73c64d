using Berth.Apps;

namespace Berth.Tests.Apps;

public sealed class RelativePathTests
{
    [Theory]
    [InlineData("a/b/c.py", "a/b")]
    [InlineData("c.py", ".")]
    public void Parent(string path, string expected) => Assert.Equal(expected, RelativePath.Parent(path));

    [Theory]
    [InlineData(".", "x", "x")]
    [InlineData("a", ".", "a")]
    [InlineData("a", "b/c", "a/b/c")]
    public void Join(string folder, string child, string expected) => Assert.Equal(expected, RelativePath.Join(folder, child));

    [Theory]
    [InlineData("a/b", ".", "a/b")]
    [InlineData("a/b", "a/b", ".")]
    [InlineData("a/b/c", "a", "b/c")]
    [InlineData("ab/c", "a", null)]
    [InlineData("x/y", "a", null)]
    public void Within(string path, string folder, string? expected) => Assert.Equal(expected, RelativePath.Within(path, folder));

    [Fact]
    public void Under_refuses_a_path_outside_the_folder() => Assert.Throws<ArgumentException>(() => RelativePath.Under("x/y", "a"));

    [Theory]
    [InlineData("usr/lib", "../bin/./python", "usr/bin/python")]
    [InlineData("", "/app//src/", "app/src")]
    [InlineData(".", "./a/../b", "b")]
    [InlineData("a", "../../../x", "x")]
    [InlineData("a/b", "..", "a")]
    public void Resolve(string folder, string path, string expected) => Assert.Equal(expected, RelativePath.Resolve(folder, path));
}
