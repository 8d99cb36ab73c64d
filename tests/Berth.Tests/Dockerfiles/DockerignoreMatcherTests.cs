using Berth.Dockerfiles;

namespace Berth.Tests.Dockerfiles;

public sealed class DockerignoreMatcherTests
{
    [Theory]
    // plain names, folders and what is under them
    [InlineData(".env", ".env", true)]
    [InlineData(".env", "app/.env", false)]
    [InlineData("node_modules", "node_modules/x/y.js", true)]
    [InlineData("build/", "build/out.o", true)]
    [InlineData("docs", "docs2/a.md", false)]
    // leading '/', './' and other cleaning, on patterns and paths
    [InlineData("/.env", ".env", true)]
    [InlineData("./secrets", "secrets/key", true)]
    [InlineData("a//b/../c", "a/c", true)]
    [InlineData(".env", "./.env", true)]
    [InlineData(".env", "/.env", true)]
    // '*' and '?' stay in a segment; '**' spans segments
    [InlineData("*.pyc", "x.pyc", true)]
    [InlineData("*.pyc", "pkg/x.pyc", false)]
    [InlineData("*/*.pyc", "pkg/x.pyc", true)]
    [InlineData("**/*.pyc", "a/b/c/x.pyc", true)]
    [InlineData("**/*.pyc", "x.pyc", true)]
    [InlineData("**/.env", ".env", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData(".e?v", ".env", true)]
    [InlineData(".e?v", ".e/v", false)]
    // character classes and escapes
    [InlineData("[ab].txt", "a.txt", true)]
    [InlineData("[ab].txt", "c.txt", false)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[^a].txt", "b.txt", true)]
    [InlineData("[^a].txt", "a.txt", false)]
    [InlineData("[!a].txt", "!.txt", true)]
    [InlineData(@"\*.txt", "*.txt", true)]
    [InlineData(@"\*.txt", "a.txt", false)]
    // regex characters are literal
    [InlineData("a+b(c).txt", "a+b(c).txt", true)]
    [InlineData("a.txt", "abtxt", false)]
    // the context itself is never excluded
    [InlineData("*", ".", false)]
    [InlineData("*", "", false)]
    public void One_pattern(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerignoreMatcher.Parse(pattern).IsExcluded(path));

    [Theory]
    [InlineData("*\n!app\n", "app/main.py", false)]
    [InlineData("*\n!app\n", "tests/x.py", true)]
    [InlineData("!app\n*\n", "app/main.py", true)]
    [InlineData(".env*\n!.env.example\n", ".env.example", false)]
    [InlineData(".env*\n!.env.example\n", ".env.local", true)]
    [InlineData(".env*\n!.env.example\n.env.example\n", ".env.example", true)]
    [InlineData("docs\n!docs/keep.md\n", "docs/keep.md", false)]
    [InlineData("docs\n!docs/keep.md\n", "docs/other.md", true)]
    [InlineData("!.env\n", ".env", false)]
    [InlineData("# .env\n", ".env", false)]
    [InlineData("  # .env\n", ".env", false)]
    [InlineData("\n\n   \n.env   \r\n", ".env", true)]
    [InlineData("\uFEFF.env\n", ".env", true)]
    [InlineData("! .env\n", ".env", false)]
    public void Patterns_apply_in_order_and_the_last_match_wins(string dockerignore, string path, bool excluded) =>
        Assert.Equal(excluded, DockerignoreMatcher.Parse(dockerignore).IsExcluded(path));

    [Fact]
    public void Reports_the_deciding_pattern_with_its_line()
    {
        var matcher = DockerignoreMatcher.Parse("# secrets\n.env*\n!.env.example\n*.md\n");
        Assert.Equal(new DockerignorePattern(".env*", false, 2), matcher.ExcludedBy(".env.local"));
        Assert.Null(matcher.ExcludedBy(".env.example"));
        Assert.Equal(4, matcher.ExcludedBy("README.md")!.Line);
        Assert.True(matcher.HasExceptions);
        Assert.Equal(3, matcher.Patterns.Count);
    }

    [Theory]
    [InlineData("[abc\n")]
    [InlineData("a]\n")]
    [InlineData("[]\n")]
    [InlineData("[z-a]\n")]
    [InlineData("!\n")]
    public void A_pattern_docker_rejects_makes_the_file_invalid_and_excludes_nothing(string dockerignore)
    {
        var matcher = DockerignoreMatcher.Parse(".env\n" + dockerignore);
        Assert.False(matcher.IsValid);
        Assert.False(matcher.IsExcluded(".env"));
    }

    [Fact]
    public void Empty_file_excludes_nothing()
    {
        var matcher = DockerignoreMatcher.Parse("");
        Assert.True(matcher.IsValid);
        Assert.False(matcher.HasExceptions);
        Assert.False(matcher.IsExcluded("a"));
    }

    [Fact]
    public void Nested_double_stars_on_long_paths_stay_fast()
    {
        var matcher = DockerignoreMatcher.Parse(string.Concat(Enumerable.Repeat("**/", 30)) + "x\n");
        var path = string.Join('/', Enumerable.Repeat("a", 2000)) + "/y";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(matcher.IsExcluded(path));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("", ".")]
    [InlineData("./", ".")]
    [InlineData("/", ".")]
    [InlineData("a/./b//c/", "a/b/c")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/../a", "a")]
    public void Cleans_like_go(string path, string cleaned) => Assert.Equal(cleaned, DockerignoreMatcher.Clean(path));
}
