using Berth.Apps;
using Berth.Tests.Support;

namespace Berth.Tests.Apps;

/// <summary>A backend that serves a frontend another package of the repository builds: the dependency is recorded, the static site set aside.</summary>
public sealed class ServedFrontendScanTests
{
    private const string VitePackage = "{\n  \"name\": \"web\",\n  \"private\": true,\n  \"scripts\": {\n    \"build\": \"vite build\"\n  },\n  \"devDependencies\": {\n    \"vite\": \"6.3.6\"\n  }\n}\n";
    private const string CraPackage = "{\n  \"name\": \"web\",\n  \"private\": true,\n  \"scripts\": {\n    \"build\": \"react-scripts build\"\n  },\n  \"dependencies\": {\n    \"react\": \"18.3.1\",\n    \"react-scripts\": \"5.0.1\"\n  }\n}\n";

    [Fact]
    public void A_staticfiles_mount_of_a_folder_the_frontend_builds_is_recorded_and_the_site_set_aside()
    {
        var scan = RepositoryScanner.Scan(RepoPaths.Fixture("fastapi-spa"));

        var backend = Assert.Single(scan.Services);
        var frontend = backend.ServedFrontend;
        Assert.NotNull(frontend);
        Assert.Equal("frontend/dist", frontend.Folder);
        Assert.Equal("../frontend/dist", frontend.FromService);
        Assert.Equal("/", frontend.Route);
        Assert.Equal("StaticFiles(html=True)", frontend.ServedBy);
        Assert.Equal("backend/app/main.py:22", frontend.Source);
        Assert.Equal("frontend", frontend.Package);
        Assert.Equal("npm", frontend.PackageManager);
        Assert.Equal("frontend/package-lock.json", frontend.LockFile);
        Assert.Equal(("build", "vite build", "dist"), (frontend.BuildScript, frontend.BuildCommand, frontend.Output));
        Assert.False(frontend.DeployedSeparately);
        Assert.Equal(".", backend.BuildContext);
        Assert.Equal("backend", frontend.OwnBuildContext);
        Assert.Contains(backend.Evidence, e => e.File == "backend/app/main.py" && e.Line == 22 && e.Fact.Contains("frontend/dist", StringComparison.Ordinal));

        var skipped = Assert.Single(scan.Skipped, s => s.Path == "frontend");
        Assert.Equal("built into backend's image, served at /: not a service of its own", skipped.Reason);
    }

    [Fact]
    public void A_flask_static_folder_that_a_vite_out_dir_fills_is_recorded()
    {
        var scan = RepositoryScanner.Scan(RepoPaths.Fixture("flask-spa"));

        var app = Assert.Single(scan.Services);
        Assert.NotNull(app.ServedFrontend);
        Assert.Equal("app/static", app.ServedFrontend.Folder);
        Assert.Equal("static_folder", app.ServedFrontend.ServedBy);
        Assert.Equal("/", app.ServedFrontend.Route);
        Assert.Equal("../app/static", app.ServedFrontend.Output);
        Assert.Equal(".", app.BuildContext);
        Assert.Contains(scan.Skipped, s => s.Path == "web");
    }

    [Fact]
    public void An_os_path_join_from_base_dir_finds_a_create_react_app_build()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["server/requirements.txt"] = "fastapi\nuvicorn\n",
            ["server/main.py"] = """
                import os
                from fastapi import FastAPI
                from starlette.staticfiles import StaticFiles

                BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
                app = FastAPI()

                @app.get("/health")
                def health():
                    return {}

                app.mount("/app", StaticFiles(directory=os.path.join(BASE_DIR, "client", "build"), html=True))
                """,
            ["client/package.json"] = CraPackage,
            ["client/src/index.js"] = "console.log('hi');\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        var server = Assert.Single(scan.Services);
        Assert.Equal("client/build", server.ServedFrontend?.Folder);
        Assert.Equal("/app", server.ServedFrontend?.Route);
        Assert.Equal("build", server.ServedFrontend?.Output);
    }

    [Fact]
    public void A_directory_named_by_a_settings_field_is_read_from_its_default()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\npydantic-settings\n",
            ["app/config.py"] = """
                from pydantic_settings import BaseSettings

                class Settings(BaseSettings):
                    frontend_dir: str = "web/dist"

                settings = Settings()
                """,
            ["app/main.py"] = """
                from fastapi import FastAPI
                from fastapi.staticfiles import StaticFiles
                from app.config import settings

                app = FastAPI()
                app.mount("/", StaticFiles(directory=settings.frontend_dir, html=True), name="spa")
                """,
            ["web/package.json"] = VitePackage,
            ["web/index.html"] = "<!doctype html>\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        var app = Assert.Single(scan.Services);
        Assert.Equal("web/dist", app.ServedFrontend?.Folder);
        Assert.Contains("settings.frontend_dir", app.ServedFrontend?.ServedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_imported_from_a_config_module_is_read_through_its_default()
    {
        // as Netflix/dispatch does: STATIC_DIR = config("STATIC_DIR", default=DEFAULT_STATIC_DIR), imported by the app module
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[project]\nname = \"desk\"\nversion = \"1.0\"\ndependencies = [\"fastapi\", \"uvicorn\"]\n",
            ["desk/__init__.py"] = "",
            ["desk/config.py"] = """
                import os
                from starlette.config import Config

                config = Config(".env")
                DEFAULT_STATIC_DIR = os.path.join(os.path.abspath(os.path.dirname(__file__)), os.path.join("static", "web", "dist"))
                STATIC_DIR = config("STATIC_DIR", default=DEFAULT_STATIC_DIR)
                """,
            ["desk/main.py"] = """
                from fastapi import FastAPI
                from starlette.staticfiles import StaticFiles
                from .config import STATIC_DIR

                app = FastAPI()
                app.mount("/", StaticFiles(directory=STATIC_DIR), name="app")
                """,
            ["desk/static/web/package.json"] = VitePackage,
            ["desk/static/web/index.html"] = "<!doctype html>\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        var desk = Assert.Single(scan.Services);
        Assert.Equal("desk/static/web/dist", desk.ServedFrontend?.Folder);
        Assert.Equal("desk/main.py:6", desk.ServedFrontend?.Source);
        Assert.Contains("desk/config.py:6", desk.ServedFrontend?.ServedBy, StringComparison.Ordinal);
        Assert.Contains(scan.Skipped, s => s.Path == "desk/static/web");
    }

    [Fact]
    public void Django_staticfiles_dirs_pointing_at_a_frontend_build_are_recorded()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["backend/requirements.txt"] = "django\ngunicorn\n",
            ["backend/manage.py"] = "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"site_config.settings\")\n",
            ["backend/site_config/__init__.py"] = "",
            ["backend/site_config/wsgi.py"] = "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n",
            ["backend/site_config/settings.py"] = """
                from pathlib import Path

                BASE_DIR = Path(__file__).resolve().parent.parent
                ROOT_URLCONF = "site_config.urls"
                WSGI_APPLICATION = "site_config.wsgi.application"
                STATIC_URL = "/static/"
                STATICFILES_DIRS = [BASE_DIR.parent / "frontend" / "dist"]
                """,
            ["frontend/package.json"] = VitePackage,
            ["frontend/index.html"] = "<!doctype html>\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        var backend = Assert.Single(scan.Services);
        Assert.Equal("frontend/dist", backend.ServedFrontend?.Folder);
        Assert.Equal("STATICFILES_DIRS", backend.ServedFrontend?.ServedBy);
    }

    [Fact]
    public void A_served_folder_that_is_in_the_sources_is_no_dependency()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\ngunicorn\n",
            ["app.py"] = "from flask import Flask\napp = Flask(__name__, static_folder=\"public\")\n\n@app.get(\"/healthz\")\ndef healthz():\n    return \"ok\"\n",
            ["public/index.html"] = "<!doctype html>\n",
            ["web/package.json"] = VitePackage,
            ["web/index.html"] = "<!doctype html>\n",
            ["web/vite.config.js"] = "export default { build: { outDir: '../public' } };\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        Assert.All(scan.Services, s => Assert.Null(s.ServedFrontend));
        Assert.Contains(scan.Services, s => s.Path == "web");
    }

    [Fact]
    public void A_frontend_deployed_on_its_own_stays_a_service_and_the_backend_still_builds_it()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["api/main.py"] = "from fastapi import FastAPI\nfrom fastapi.staticfiles import StaticFiles\napp = FastAPI()\napp.mount(\"/\", StaticFiles(directory=\"../web/dist\", html=True))\n",
            ["web/package.json"] = VitePackage,
            ["web/index.html"] = "<!doctype html>\n",
            ["web/Dockerfile"] = "FROM nginx\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        var api = Assert.Single(scan.Services, s => s.Path == "api");
        Assert.True(api.ServedFrontend?.DeployedSeparately);
        Assert.Contains(scan.Services, s => s.Path == "web");
        Assert.Contains(api.Notes, n => n.Contains("deployed on its own", StringComparison.Ordinal));
    }

    [Fact]
    public void A_backend_that_serves_nothing_leaves_the_frontend_alone()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["api/requirements.txt"] = "fastapi\nuvicorn\n",
            ["api/main.py"] = "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
            ["web/package.json"] = VitePackage,
            ["web/index.html"] = "<!doctype html>\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);

        Assert.Equal(["api", "web"], scan.Services.Select(s => s.Path));
        Assert.All(scan.Services, s => Assert.Null(s.ServedFrontend));
        Assert.Equal("api", scan.Services[0].BuildContext);
    }
}
