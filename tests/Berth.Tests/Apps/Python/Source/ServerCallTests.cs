using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class ServerCallTests
{
    [Fact]
    public void Uvicorn_run_under_main_guard()
    {
        const string code = """
            import uvicorn
            from fastapi import FastAPI
            app = FastAPI()

            if __name__ == "__main__":
                uvicorn.run(app, host="0.0.0.0", port=8080)
            """;
        var facts = PythonModuleReader.Read("main.py", code);

        Assert.True(facts.HasMainGuard);
        Assert.Equal(new ServerCall("uvicorn", "app", "0.0.0.0", 8080, null, true, 6), Assert.Single(facts.ServerCalls));
    }

    [Fact]
    public void Uvicorn_port_from_env_with_default()
    {
        const string code = """
            import os, uvicorn
            uvicorn.run("main:app", port=int(os.getenv("PORT", "8000")), reload=False)
            """;
        var facts = PythonModuleReader.Read("main.py", code);

        Assert.False(facts.HasMainGuard);
        Assert.Equal(new ServerCall("uvicorn", "main:app", null, 8000, "PORT", false, 2), Assert.Single(facts.ServerCalls));
    }

    [Theory]
    [InlineData("port = int(os.environ.get('PORT', 5000))\n", 5000, "PORT")]
    [InlineData("port = int(os.environ['PORT'])\n", null, "PORT")]
    [InlineData("port = int(os.getenv('PORT') or 7000)\n", 7000, "PORT")]
    [InlineData("port = 9000\n", 9000, null)]
    [InlineData("port = settings.port\n", null, null)]
    public void Port_through_a_variable(string assignment, int? port, string? envVar)
    {
        var code = "import os\nfrom flask import Flask\napp = Flask(__name__)\n" + assignment + "if __name__ == '__main__':\n    app.run(host='0.0.0.0', port=port)\n";
        var call = Assert.Single(PythonModuleReader.Read("app.py", code).ServerCalls);
        Assert.Equal(("flask", "app", "0.0.0.0", port, envVar, true), (call.Server, call.AppReference, call.Host, call.Port, call.PortEnvVar, call.InMainGuard));
    }

    [Fact]
    public void Flask_run_with_positional_arguments_and_factory_app()
    {
        const string code = """
            from flask import Flask

            def create_app():
                return Flask(__name__)

            app = create_app()
            app.run("127.0.0.1", 5000)
            """;
        Assert.Equal(new ServerCall("flask", "app", "127.0.0.1", 5000, null, false, 7), Assert.Single(PythonModuleReader.Read("a.py", code).ServerCalls));
    }

    [Fact]
    public void Run_inside_main_function_called_from_guard_counts_as_guarded()
    {
        const string code = """
            import uvicorn

            def serve():
                uvicorn.run("app:app", port=8000)

            def main():
                serve()

            if __name__ == "__main__":
                main()
            """;
        var call = Assert.Single(PythonModuleReader.Read("run.py", code).ServerCalls);
        Assert.True(call.InMainGuard);
    }

    [Fact]
    public void Run_in_function_never_called_from_guard_is_not_guarded()
    {
        const string code = """
            import uvicorn
            def serve():
                uvicorn.run("app:app")
            if __name__ == "__main__":
                print("hi")
            """;
        var facts = PythonModuleReader.Read("run.py", code);
        Assert.True(facts.HasMainGuard);
        Assert.False(Assert.Single(facts.ServerCalls).InMainGuard);
    }

    [Fact]
    public void Else_branch_of_the_guard_is_not_guarded()
    {
        const string code = """
            import uvicorn
            if __name__ == "__main__":
                pass
            else:
                uvicorn.run("app:app")
            """;
        Assert.False(Assert.Single(PythonModuleReader.Read("run.py", code).ServerCalls).InMainGuard);
    }

    [Theory]
    [InlineData("if '__main__' == __name__:\n    pass\n", true)]
    [InlineData("if (__name__ == \"__main__\"):\n    pass\n", true)]
    [InlineData("# if __name__ == '__main__':\n", false)]
    [InlineData("if __name__ == '__other__':\n    pass\n", false)]
    [InlineData("def f():\n    if __name__ == '__main__':\n        pass\n", false)]
    public void Main_guard_detection(string code, bool expected) =>
        Assert.Equal(expected, PythonModuleReader.Read("m.py", code).HasMainGuard);

    [Theory]
    [InlineData("import threading\nt = threading.Thread()\nt.run()\n")]
    [InlineData("from fastapi import FastAPI\napp = FastAPI()\napp.run()\n")]
    [InlineData("# uvicorn.run(app, port=1)\n")]
    [InlineData("'uvicorn.run(app, port=1)'\n")]
    public void Not_a_server_call(string code) => Assert.Empty(PythonModuleReader.Read("m.py", code).ServerCalls);

    [Fact]
    public void Aiohttp_and_waitress()
    {
        const string code = """
            from aiohttp import web
            from waitress import serve
            web.run_app(app, port=8081)
            serve(wsgi_app, host="0.0.0.0", port=8082)
            """;
        var calls = PythonModuleReader.Read("m.py", code).ServerCalls;
        Assert.Equal([("aiohttp", 8081), ("waitress", 8082)], calls.Select(c => (c.Server, c.Port ?? 0)));
    }

    [Fact]
    public void Imported_app_run_uses_framework_from_imports_or_generic_name()
    {
        var call = Assert.Single(PythonModuleReader.Read("run.py", "from myapp import app\napp.run(debug=True)\n").ServerCalls);
        Assert.Equal(("app.run", "app"), (call.Server, call.AppReference));
    }
}
