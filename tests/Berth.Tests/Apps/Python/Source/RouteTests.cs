using Berth.Apps.Python.Source;

namespace Berth.Tests.Apps.Python.Source;

public sealed class RouteTests
{
    private static IReadOnlyList<RouteDeclaration> Routes(string code) => PythonModuleReader.Read("m.py", code).Routes;

    [Fact]
    public void Decorator_routes_name_the_decorated_function()
    {
        const string code = """
            from fastapi import FastAPI, APIRouter
            app = FastAPI()
            router = APIRouter()

            @app.get("/health")
            async def health():
                return {"ok": True}

            @router.head("/ready")
            @some.other_decorator
            def ready(): ...

            @app.post(path="/items", status_code=201)
            def create(): ...
            """;
        var routes = Routes(code);

        Assert.Equal(
            [
                new RouteDeclaration("app", "/health", ["GET"], "get", "health", 5),
                new RouteDeclaration("router", "/ready", ["HEAD"], "head", "ready", 9),
                new RouteDeclaration("app", "/items", ["POST"], "post", "create", 13),
            ],
            routes,
            new RouteComparer());
    }

    [Fact]
    public void Multiline_decorator_and_api_route_methods()
    {
        const string code = """
            @app.api_route(
                "/health",
                methods=["GET", "head"],  # comment inside
            )
            def health():
                pass
            """;
        var route = Assert.Single(Routes(code));
        Assert.Equal(("/health", "api_route", "health", 1), (route.Path, route.Declaration, route.Function, route.Line));
        Assert.Equal(["GET", "HEAD"], route.Methods);
    }

    [Fact]
    public void Flask_route_with_and_without_methods()
    {
        const string code = """
            from flask import Flask
            app = Flask(__name__)

            @app.route("/x", methods=["GET", "POST"])
            def x(): pass

            @app.route("/y")
            def y(): pass

            @bp.route(rule="/z", methods=("PUT",))
            def z(): pass
            """;
        var routes = Routes(code);
        Assert.Equal(["/x", "/y", "/z"], routes.Select(r => r.Path));
        Assert.Equal(["GET", "POST"], routes[0].Methods);
        Assert.Empty(routes[1].Methods);
        Assert.Equal(["PUT"], routes[2].Methods);
        Assert.Equal("bp", routes[2].Target);
    }

    [Fact]
    public void Routes_inside_a_factory_are_found()
    {
        const string code = """
            def create_app():
                app = Flask(__name__)

                @app.get('/healthz')
                def healthz():
                    return 'ok'

                return app
            """;
        var route = Assert.Single(Routes(code));
        Assert.Equal(("app", "/healthz", "healthz"), (route.Target, route.Path, route.Function));
    }

    [Fact]
    public void Methods_that_are_not_literals_are_empty()
    {
        var route = Assert.Single(Routes("@app.route('/x', methods=METHODS)\ndef x(): pass\n"));
        Assert.Empty(route.Methods);
    }

    [Theory]
    [InlineData("# @app.get(\"/health\")\ndef health(): pass\n")]
    [InlineData("\"\"\"\n@app.get(\"/health\")\ndef health(): pass\n\"\"\"\n")]
    [InlineData("@app.get(PATH)\ndef health(): pass\n")]
    [InlineData("@cache.get(\"key\")\ndef health(): pass\n")]
    [InlineData("@pytest.mark.parametrize('/x', [1])\ndef test(): pass\n")]
    [InlineData("client.get('/health')\n")]
    public void Does_not_find_route(string code) => Assert.Empty(Routes(code));

    [Fact]
    public void Add_api_route_and_relatives()
    {
        const string code = """
            app.add_api_route("/x", handler, methods=["GET"])
            app.add_api_route(path="/y", endpoint=views.y)
            app.add_url_rule("/z", "z", z_view, methods=["POST"])
            app.add_route("/w", w)
            """;
        Assert.Equal(
            [
                new RouteDeclaration("app", "/x", ["GET"], "add_api_route", "handler", 1),
                new RouteDeclaration("app", "/y", [], "add_api_route", "views.y", 2),
                new RouteDeclaration("app", "/z", ["POST"], "add_url_rule", "z_view", 3),
                new RouteDeclaration("app", "/w", [], "add_route", "w", 4),
            ],
            Routes(code),
            new RouteComparer());
    }

    [Fact]
    public void Starlette_route_lists()
    {
        const string code = """
            from starlette.applications import Starlette
            from starlette.routing import Route

            routes = [
                Route("/health", health, methods=["GET"]),
                Route("/", endpoint=homepage),
            ]
            app = Starlette(routes=routes)
            """;
        Assert.Equal(
            [
                new RouteDeclaration(null, "/health", ["GET"], "Route", "health", 5),
                new RouteDeclaration(null, "/", [], "Route", "homepage", 6),
            ],
            Routes(code),
            new RouteComparer());
    }

    [Fact]
    public void Route_without_starlette_import_is_ignored()
    {
        Assert.Empty(Routes("routes = [Route('/health', health)]\n"));
    }

    [Fact]
    public void Django_paths_and_includes()
    {
        const string code = """
            from django.urls import include, path, re_path
            from . import views

            urlpatterns = [
                path("health/", views.health, name="health"),
                re_path(r"^ready/$", views.ReadyView.as_view()),
                path("api/", include("api.urls")),
            ]
            """;
        var facts = PythonModuleReader.Read("urls.py", code);

        Assert.Equal(
            [
                new RouteDeclaration(null, "health/", [], "path", "views.health", 5),
                new RouteDeclaration(null, "^ready/$", [], "re_path", "views.ReadyView.as_view(...)", 6),
            ],
            facts.Routes,
            new RouteComparer());
        Assert.Equal(new RouterInclusion("urlpatterns", "api.urls", "api/", 7), Assert.Single(facts.Inclusions));
    }

    [Fact]
    public void Path_from_pathlib_is_not_a_django_route()
    {
        Assert.Empty(Routes("from pathlib import Path\nfrom os import path\np = path('x/', y)\n"));
    }

    private sealed class RouteComparer : IEqualityComparer<RouteDeclaration>
    {
        public bool Equals(RouteDeclaration? x, RouteDeclaration? y) =>
            x is not null && y is not null
            && (x.Target, x.Path, x.Declaration, x.Function, x.Line) == (y.Target, y.Path, y.Declaration, y.Function, y.Line)
            && x.Methods.SequenceEqual(y.Methods);

        public int GetHashCode(RouteDeclaration obj) => obj.Path.GetHashCode(StringComparison.Ordinal);
    }
}
