using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class EnvReadTests
{
    private static IReadOnlyList<EnvRead> Reads(string code) => PythonModuleReader.Read("m.py", code).EnvReads;

    [Theory]
    [InlineData("import os\nx = os.environ[\"X\"]\n", EnvReadKind.Subscript, true, null)]
    [InlineData("import os\nx = os.environ.get(\"X\")\n", EnvReadKind.Get, false, null)]
    [InlineData("import os\nx = os.environ.get(\"X\", \"d\")\n", EnvReadKind.Get, false, "d")]
    [InlineData("import os\nx = os.getenv('X')\n", EnvReadKind.Get, false, null)]
    [InlineData("import os\nx = os.getenv('X', 'd')\n", EnvReadKind.Get, false, "d")]
    [InlineData("import os\nx = os.getenv('X', default='d')\n", EnvReadKind.Get, false, "d")]
    [InlineData("import os\nx = os.getenv('X', 42)\n", EnvReadKind.Get, false, "42")]
    [InlineData("import os\nx = os.getenv('X', None)\n", EnvReadKind.Get, false, null)]
    [InlineData("import os\nx = os.getenv('X', other)\n", EnvReadKind.Get, false, null)]
    [InlineData("import os\nos.environ.setdefault('X', 'v')\n", EnvReadKind.SetDefault, false, "v")]
    [InlineData("from os import environ\nx = environ['X']\n", EnvReadKind.Subscript, true, null)]
    [InlineData("from os import environ as env\nx = env.get('X')\n", EnvReadKind.Get, false, null)]
    [InlineData("from os import getenv\nx = getenv('X', 'd')\n", EnvReadKind.Get, false, "d")]
    [InlineData("import os as o\nx = o.environ['X']\n", EnvReadKind.Subscript, true, null)]
    [InlineData("import os\nx = int(os.getenv('X', '8000'))\n", EnvReadKind.Get, false, "8000")]
    [InlineData("import os\nx = f\"{os.environ['X']}\"\n", EnvReadKind.Subscript, true, null)]
    [InlineData("import os\nx = os.environ[\n    'X'\n]\n", EnvReadKind.Subscript, true, null)]
    public void Recognises_env_read(string code, EnvReadKind kind, bool required, string? fallback)
    {
        var read = Assert.Single(Reads(code));
        Assert.Equal(new EnvRead("X", kind, required, fallback, 2), read);
    }

    [Fact]
    public void Reads_everywhere_in_the_file()
    {
        const string code = """
            import os

            DEBUG = os.getenv("DEBUG") == "1"

            class Config:
                SECRET = os.environ["SECRET_KEY"]

                def method(self):
                    return os.environ.get("IN_METHOD")

            def f(x=os.getenv("IN_DEFAULT")):
                if os.getenv("IN_IF"):
                    return [os.environ["IN_LIST"]]

            @decorate(os.getenv("IN_DECORATOR"))
            def g(): pass

            if __name__ == "__main__":
                print(os.environ.get("IN_GUARD", "x"))
            """;
        Assert.Equal(
            ["DEBUG", "SECRET_KEY", "IN_METHOD", "IN_DEFAULT", "IN_IF", "IN_LIST", "IN_DECORATOR", "IN_GUARD"],
            Reads(code).Select(r => r.Name));
    }

    [Theory]
    [InlineData("# os.environ['X']\n")]
    [InlineData("\"\"\"Reads os.environ[\"X\"] and os.getenv('Y').\"\"\"\n")]
    [InlineData("x = 'os.environ[\"X\"]'\n")]
    [InlineData("import os\nos.environ[name]\n")]
    [InlineData("import os\nos.environ.get(key)\n")]
    [InlineData("import os\nos.environ['X'] = 'y'\n")]
    [InlineData("import os\ndel os.environ['X']\n")]
    [InlineData("import os\nos.environ[f'X_{n}']\n")]
    [InlineData("import os\nos.environb[b'X']\n")]
    [InlineData("environ['X']\n")]
    [InlineData("from somewhere import environ\nenviron['X']\n")]
    [InlineData("d = {}\nd.get('X')\n")]
    public void Does_not_record(string code) => Assert.Empty(Reads(code));
}
