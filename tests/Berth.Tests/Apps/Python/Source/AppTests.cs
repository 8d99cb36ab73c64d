using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class AppTests
{
    [Theory]
    [InlineData("from fastapi import FastAPI\napp = FastAPI()\n", "fastapi.FastAPI")]
    [InlineData("import fastapi\napp = fastapi.FastAPI(title='x')\n", "fastapi.FastAPI")]
    [InlineData("from fastapi.applications import FastAPI\napp = FastAPI()\n", "fastapi.FastAPI")]
    [InlineData("from flask import Flask as F\napp = F(__name__)\n", "flask.Flask")]
    [InlineData("import flask as fl\napp = fl.Flask(__name__)\n", "flask.Flask")]
    [InlineData("from starlette.applications import Starlette\napp = Starlette(routes=routes)\n", "starlette.applications.Starlette")]
    [InlineData("from quart import Quart\napp = Quart(__name__)\n", "quart.Quart")]
    [InlineData("from fastapi import *\napp = FastAPI()\n", "fastapi.FastAPI")]
    [InlineData("app = FastAPI()\n", "FastAPI")]
    [InlineData("from fastapi import FastAPI\napp: FastAPI = FastAPI()\n", "fastapi.FastAPI")]
    [InlineData("from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n", "django.core.wsgi.get_wsgi_application")]
    public void Finds_module_level_app(string code, string constructor)
    {
        var app = Assert.Single(PythonModuleReader.Read("main.py", code).Apps);
        Assert.Equal(constructor, app.Constructor);
        Assert.Equal(2 - (code.StartsWith("app", StringComparison.Ordinal) ? 1 : 0), app.Line);
    }

    [Fact]
    public void Reports_variable_name_and_line_with_crlf()
    {
        var facts = PythonModuleReader.Read("main.py", "from fastapi import FastAPI\r\n\r\n\r\napi = FastAPI(\r\n    title='x',\r\n)\r\n");
        Assert.Equal(new AppInstance("api", "fastapi.FastAPI", 4), Assert.Single(facts.Apps));
    }

    [Theory]
    [InlineData("# app = FastAPI()\n")]
    [InlineData("'''\napp = FastAPI()\n'''\n")]
    [InlineData("x = \"app = FastAPI()\"\n")]
    [InlineData("from myapp.framework import Flask\napp = Flask(__name__)\n")]
    [InlineData("from fastapi import FastAPI\napp = FastAPI\n")]
    [InlineData("from fastapi import FastAPI\nclass C:\n    app = FastAPI()\n")]
    public void Does_not_find_app(string code)
    {
        Assert.Empty(PythonModuleReader.Read("main.py", code).Apps);
    }

    [Fact]
    public void App_inside_function_is_a_factory_not_an_instance()
    {
        const string code = """
            from flask import Flask

            def create_app(config=None):
                app = Flask(__name__)
                app.config.from_object(config)
                return app
            """;
        var facts = PythonModuleReader.Read("app/__init__.py", code);

        Assert.Empty(facts.Apps);
        Assert.Equal(new AppFactory("create_app", "flask.Flask", 3), Assert.Single(facts.Factories));
    }

    [Fact]
    public void Factory_returning_the_constructor_directly()
    {
        const string code = """
            import fastapi

            async def build() -> fastapi.FastAPI:
                return fastapi.FastAPI(debug=True)
            """;
        Assert.Equal(new AppFactory("build", "fastapi.FastAPI", 3), Assert.Single(PythonModuleReader.Read("f.py", code).Factories));
    }

    [Fact]
    public void Function_that_only_uses_an_app_is_not_a_factory()
    {
        const string code = """
            from fastapi import FastAPI
            app = FastAPI()

            def configure():
                app.title = "x"
                return app
            """;
        var facts = PythonModuleReader.Read("f.py", code);
        Assert.Empty(facts.Factories);
        Assert.Single(facts.Apps);
    }

    [Fact]
    public void App_in_module_level_if_and_try_blocks_counts()
    {
        const string code = """
            from fastapi import FastAPI
            try:
                app = FastAPI()
            except Exception:
                pass
            if True:
                other = FastAPI()
            """;
        Assert.Equal(["app", "other"], PythonModuleReader.Read("m.py", code).Apps.Select(a => a.Variable));
    }

    [Theory]
    [InlineData("from fastapi import APIRouter\nrouter = APIRouter(prefix=\"/api\", tags=['x'])\n", "fastapi.APIRouter", "/api")]
    [InlineData("from fastapi.routing import APIRouter\nrouter = APIRouter()\n", "fastapi.APIRouter", null)]
    [InlineData("import fastapi\nrouter = fastapi.APIRouter(prefix='/v1')\n", "fastapi.APIRouter", "/v1")]
    [InlineData("from flask import Blueprint\nrouter = Blueprint(\"x\", __name__, url_prefix=\"/x\")\n", "flask.Blueprint", "/x")]
    [InlineData("from fastapi import APIRouter\nPREFIX = '/p'\nrouter = APIRouter(prefix=PREFIX)\n", "fastapi.APIRouter", null)]
    public void Finds_routers(string code, string constructor, string? prefix)
    {
        var router = Assert.Single(PythonModuleReader.Read("r.py", code).Routers);
        Assert.Equal(("router", constructor, prefix), (router.Variable, router.Constructor, router.Prefix));
    }

    [Fact]
    public void Finds_inclusions()
    {
        const string code = """
            from fastapi import FastAPI
            from .routers import health, users
            app = FastAPI()
            app.include_router(health.router, prefix="/v1")
            app.include_router(users.router)
            app.mount("/static", StaticFiles(directory="static"), name="static")
            app.mount("/sub", subapi)
            session.mount("https://", adapter)
            """;
        var facts = PythonModuleReader.Read("main.py", code);

        Assert.Equal(
            [
                new RouterInclusion("app", "health.router", "/v1", 4),
                new RouterInclusion("app", "users.router", null, 5),
                new RouterInclusion("app", "StaticFiles(...)", "/static", 6),
                new RouterInclusion("app", "subapi", "/sub", 7),
            ],
            facts.Inclusions);
    }

    [Fact]
    public void Finds_blueprint_registration_inside_factory()
    {
        const string code = """
            from flask import Flask

            def create_app():
                app = Flask(__name__)
                from .views import bp
                app.register_blueprint(bp, url_prefix="/b")
                app.register_blueprint(
                    other_bp,
                )
                return app
            """;
        Assert.Equal(
            [new RouterInclusion("app", "bp", "/b", 6), new RouterInclusion("app", "other_bp", null, 7)],
            PythonModuleReader.Read("f.py", code).Inclusions);
    }

    [Fact]
    public void Commented_inclusion_does_not_fire()
    {
        Assert.Empty(PythonModuleReader.Read("m.py", "app = FastAPI()\n# app.include_router(x.router)\n").Inclusions);
    }
}
