using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class ModuleStringTests
{
    [Fact]
    public void Collects_module_level_string_literals()
    {
        const string code = """
            WSGI_APPLICATION = "mysite.wsgi.application"
            ROOT_URLCONF = 'mysite.urls'
            ASGI_APPLICATION: str = "mysite.asgi.application"
            A = B = "both"
            JOINED = ("part1"
                      "part2")
            try:
                IN_TRY = "yes"
            except ImportError:
                pass
            """;
        var strings = PythonModuleReader.Read("settings.py", code).ModuleStrings;

        Assert.Equal(
            [
                new StringAssignment("WSGI_APPLICATION", "mysite.wsgi.application", 1),
                new StringAssignment("ROOT_URLCONF", "mysite.urls", 2),
                new StringAssignment("ASGI_APPLICATION", "mysite.asgi.application", 3),
                new StringAssignment("A", "both", 4),
                new StringAssignment("B", "both", 4),
                new StringAssignment("JOINED", "part1part2", 5),
                new StringAssignment("IN_TRY", "yes", 8),
            ],
            strings);
    }

    [Theory]
    [InlineData("def f():\n    X = 'local'\n")]
    [InlineData("class C:\n    X = 'attr'\n")]
    [InlineData("X = f'formatted {y}'\n")]
    [InlineData("X = b'bytes'\n")]
    [InlineData("X = 'a' + y\n")]
    [InlineData("X, Y = 'a', 'b'\n")]
    [InlineData("X += 'more'\n")]
    [InlineData("# X = 'commented'\n")]
    public void Ignores_non_module_or_non_literal(string code) => Assert.Empty(PythonModuleReader.Read("m.py", code).ModuleStrings);

    [Theory]
    [InlineData("X = r'C:\\path\\n'\n", "C:\\path\\n")]
    [InlineData("X = 'a\\tb\\x41\\u00e9\\N'\n", "a\tbA\u00e9\\N")]
    [InlineData("X = '''multi\nline'''\n", "multi\nline")]
    [InlineData("X = 'it\\'s'\n", "it's")]
    [InlineData("X = \"a\" 'b' \"\"\"c\"\"\"\n", "abc")]
    [InlineData("X = u'unicode'\n", "unicode")]
    [InlineData("X = 'line\\\ncontinued'\n", "linecontinued")]
    public void Decodes_string_literals(string code, string value) =>
        Assert.Equal(value, Assert.Single(PythonModuleReader.Read("m.py", code).ModuleStrings).Value);
}
