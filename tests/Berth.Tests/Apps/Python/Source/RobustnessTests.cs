using System.Diagnostics;
using System.Text;
using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class RobustnessTests
{
    private const string Sample = """
        import os, uvicorn
        from fastapi import FastAPI, APIRouter
        from pydantic_settings import BaseSettings, SettingsConfigDict

        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_prefix="APP_")
            port: int = 8000
            name: str = f"svc-{os.getenv('ENV', 'dev')}"

        app = FastAPI()
        router = APIRouter(prefix="/api")

        @app.api_route("/health", methods=["GET", "HEAD"])
        async def health():
            '''Docstring with os.environ["NOPE"].'''
            return {"ok": True, "x": [i for i in range(3) if i], "l": lambda a=1: a}

        app.include_router(router, prefix="/v1")

        if __name__ == "__main__":
            uvicorn.run("main:app", host="0.0.0.0", port=int(os.getenv("PORT", "8000")))
        """;

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"", "f'", "f\"{", "}", "\\", "\\\n", "\n", "\r\n", "\r", "\t", "    ",
        "#", ":", "=", ",", ".", "@", "def ", "class ", "if ", "else:", "lambda", "\0", "\uFEFF", "\uD800", "os.environ[", "Field(",
        "app.get(", "uvicorn.run(", "import ", "from . import ", "**", "*", "...", "é", "𝔘", "\f", "async ", "return ",
    ];

    [Fact]
    public void Reads_the_sample()
    {
        var facts = PythonModuleReader.Read("main.py", Sample);
        Assert.Single(facts.Apps);
        Assert.Single(facts.Routers);
        Assert.Single(facts.Routes);
        Assert.Single(facts.Inclusions);
        Assert.Single(facts.SettingsClasses);
        Assert.Equal(["ENV", "PORT"], facts.EnvReads.Select(r => r.Name));
        Assert.Equal(8000, Assert.Single(facts.ServerCalls).Port);
    }

    [Fact]
    public void Random_mutations_never_throw()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(Sample, random);
            var facts = PythonModuleReader.Read("fuzz.py", text);
            Assert.NotNull(facts);
        }
    }

    [Fact]
    public void Random_fragment_soup_never_throws()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 60);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
                if (random.Next(4) == 0)
                {
                    builder.Append((char)random.Next(0, 0x3000));
                }
            }

            Assert.NotNull(PythonModuleReader.Read("soup.py", builder.ToString()));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0")]
    [InlineData("'")]
    [InlineData("'''")]
    [InlineData("f'{")]
    [InlineData("f'{x")]
    [InlineData("f'''{\n")]
    [InlineData("\\")]
    [InlineData("@")]
    [InlineData("def")]
    [InlineData("class")]
    [InlineData("from")]
    [InlineData("from . import")]
    [InlineData("import")]
    [InlineData("x =")]
    [InlineData("= x")]
    [InlineData(":")]
    [InlineData("lambda")]
    [InlineData("app.get(")]
    [InlineData(")]}")]
    [InlineData("if __name__ == '__main__':")]
    [InlineData("\uD800\uDC00 = 1")]
    [InlineData("\t \t  x\n \t y")]
    public void Malformed_snippets_do_not_throw(string code) => Assert.NotNull(PythonModuleReader.Read("bad.py", code));

    [Fact]
    public void Unbalanced_bracket_does_not_hide_later_definitions()
    {
        const string code = """
            from fastapi import FastAPI
            x = foo(1, 2
            app = FastAPI()

            @app.get("/health")
            def health(): pass
            """;
        var facts = PythonModuleReader.Read("bad.py", code);
        Assert.Single(facts.Routes);
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var depth = 200_000;
        var text = "import os\nx = " + new string('(', depth) + "os.environ['A']" + new string(')', depth) + "\ny = os.environ['B']\n"
            + "z = " + string.Concat(Enumerable.Repeat("a.", depth)) + "b()\n"
            + "w = " + string.Concat(Enumerable.Repeat("f'{", 200)) + "1" + string.Concat(Enumerable.Repeat("}'", 200)) + "\n"
            + "v = " + string.Concat(Enumerable.Repeat("not ", depth)) + "x\n"
            + "u = x" + string.Concat(Enumerable.Repeat("()", depth)) + "\n";
        var facts = PythonModuleReader.Read("deep.py", text);
        Assert.Contains(facts.EnvReads, r => r.Name == "B");
    }

    [Fact]
    public void Deeply_indented_blocks_stay_linear()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 3_000; i++)
        {
            builder.Append(' ', i).Append("if x:\n");
        }

        builder.Append(' ', 3_000).Append("y = os.environ['DEEP']\n");
        var stopwatch = Stopwatch.StartNew();
        var facts = PythonModuleReader.Read("deep.py", builder.ToString());
        Assert.Equal("DEEP", Assert.Single(facts.EnvReads).Name);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), stopwatch.Elapsed.ToString());
    }

    // A guard against super-linear reading, not a speed target (that is bench/'s job): one megabyte takes well under a second,
    // a quadratic reader would take hours, so the bound has room for a loaded CI machine.
    [Fact]
    public void Megabyte_file_is_read_in_linear_time()
    {
        var builder = new StringBuilder();
        var line = 0;
        while (builder.Length < 1024 * 1024)
        {
            builder.Append(Sample.Replace("/health", "/h" + line++, StringComparison.Ordinal)).Append('\n');
        }

        var stopwatch = Stopwatch.StartNew();
        var facts = PythonModuleReader.Read("big.py", builder.ToString());
        Assert.Equal(line, facts.Routes.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public void Five_megabyte_unterminated_string_and_bracket()
    {
        var body = new string('x', 5 * 1024 * 1024);
        Assert.Empty(PythonModuleReader.Read("a.py", "x = '''" + body).Apps);
        Assert.Empty(PythonModuleReader.Read("b.py", "x = (" + body.Replace("xxxx", "a,\n", StringComparison.Ordinal)).Apps);
        Assert.Empty(PythonModuleReader.Read("c.py", string.Concat(Enumerable.Repeat("[", 1_000_000))).Apps);
    }

    [Fact]
    public void Same_input_gives_equal_facts()
    {
        var first = PythonModuleReader.Read("main.py", Sample);
        var second = PythonModuleReader.Read("main.py", Sample);
        Assert.Equal(first.Routes.Select(r => r.Path), second.Routes.Select(r => r.Path));
        Assert.Equal(first.EnvReads, second.EnvReads);
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0:
                    builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    builder[at] = (char)random.Next(0, 128);
                    break;
                default:
                    var from = random.Next(builder.Length);
                    var length = Math.Min(random.Next(1, 40), builder.Length - from);
                    builder.Insert(at, builder.ToString(from, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
