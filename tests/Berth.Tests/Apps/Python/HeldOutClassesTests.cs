using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>
/// Classes first seen on the held-out repositories (bench/python-corpus, set "held-out"): repositories Berth had never been run
/// on. Each on a small tree written here.
/// </summary>
public sealed class HeldOutClassesTests
{
    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    private static Dictionary<string, string> SubclassedFlask() => new()
    {
        ["requirements.txt"] = "flask\ngunicorn\n",
        ["quiz/__init__.py"] =
            "from flask import Flask\n\n\nclass QuizFlask(Flask):\n    pass\n\n\ndef create_app(config=None):\n    app = QuizFlask(__name__)\n    with app.app_context():\n        return app\n",
        ["wsgi.py"] = "from quiz import create_app\n\napp = create_app()\n",
        // helpers in tests build throw-away apps: they are not candidates
        ["tests/helpers.py"] = "from flask import Flask\n\n\ndef url_map(bp):\n    scratch = Flask(__name__)\n    return scratch\n",
        ["tests/test_quiz.py"] = "from flask import Flask\n\n\ndef test_root():\n    other = Flask(__name__)\n    return other\n",
    };

    [Fact]
    public void An_app_of_a_class_derived_from_the_frameworks_app_class_is_an_app()
    {
        var profile = Scan(SubclassedFlask());
        Assert.Equal("flask", profile.Framework);
        Assert.Equal("wsgi:app", profile.Entrypoint);
    }

    [Fact]
    public void A_start_script_with_a_quoted_bind_states_the_port_and_the_factory_it_serves()
    {
        var files = SubclassedFlask();
        files["docker-entrypoint.sh"] = "#!/bin/sh\nflask db upgrade\nexec gunicorn 'quiz:create_app()' \\\n    --bind '0.0.0.0:8000' \\\n    --workers 2\n";
        var profile = Scan(files);
        Assert.Equal("quiz:create_app()", profile.Entrypoint);
        Assert.Equal(8000, profile.Port);
        Assert.False(profile.PortIsDefault);
    }

    [Fact]
    public void Django_settings_without_a_wsgi_or_asgi_setting_serve_the_projects_asgi_module()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "django\nuvicorn\n",
            ["manage.py"] = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'store.settings')\n",
            ["store/__init__.py"] = "",
            ["store/settings.py"] = "SECRET_KEY = 'x'\nROOT_URLCONF = 'store.urls'\nINSTALLED_APPS = ['django.contrib.auth']\n",
            ["store/urls.py"] = "urlpatterns = []\n",
            ["store/asgi/__init__.py"] =
                "from django.core.asgi import get_asgi_application\nfrom .probe import probe\n\napplication = get_asgi_application()\napplication = probe(application)\n",
            ["store/asgi/probe.py"] = "def probe(app):\n    return app\n",
        });
        Assert.Equal("django", profile.Framework);
        Assert.Equal("asgi", profile.Python!.Interface);
        Assert.Equal("store.asgi:application", profile.Entrypoint);
    }

    [Fact]
    public void A_uv_path_source_only_a_dependency_group_names_is_not_read_by_the_install()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["pyproject.toml"] =
                "[project]\nname = \"desk\"\nversion = \"1.0\"\nrequires-python = \">=3.11\"\ndependencies = [\"fastapi\", \"uvicorn\"]\n\n" +
                "[dependency-groups]\nin-house = [\"desk-private-plugins\"]\n\n" +
                "[tool.uv.sources]\ndesk-private-plugins = { path = \"../desk-private-plugins\", editable = true }\n",
            ["desk/__init__.py"] = "",
            ["desk/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        });
        Assert.Equal("desk.main:app", profile.Entrypoint);
        Assert.DoesNotContain(profile.Python!.InstallInputs, i => i.Path.Contains("plugins", StringComparison.Ordinal));
    }

    [Fact]
    public void A_uv_path_source_a_production_dependency_names_outside_the_scan_is_still_bad_input()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["pyproject.toml"] =
                "[project]\nname = \"desk\"\nversion = \"1.0\"\nrequires-python = \">=3.11\"\ndependencies = [\"fastapi\", \"desk-private-plugins\"]\n\n" +
                "[dependency-groups]\nin-house = [\"desk-private-plugins\"]\n\n" +
                "[tool.uv.sources]\ndesk-private-plugins = { path = \"../desk-private-plugins\" }\n",
            ["desk/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        });
        var error = Assert.Throws<InputException>(() => PythonServiceDetector.Scan(tree.Root));
        Assert.Contains("outside the scanned folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_of_an_app_mounted_into_the_served_app_answer_below_the_mount_path()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["Procfile"] = "web: uvicorn desk.main:app --host 0.0.0.0 --port 8000\n",
            ["desk/__init__.py"] = "",
            ["desk/api.py"] = "from fastapi import APIRouter\n\napi_router = APIRouter()\n\n\n@api_router.get(\"/healthcheck\")\ndef healthcheck():\n    return {\"ok\": True}\n",
            ["desk/main.py"] =
                "from fastapi import FastAPI\nfrom .api import api_router\n\napi = FastAPI()\napi.include_router(api_router)\n\napp = FastAPI()\napp.mount(\"/api/v1\", app=api)\n",
        });
        Assert.Equal("desk.main:app", profile.Entrypoint);
        Assert.Equal("/api/v1/healthcheck", Assert.Single(profile.Health).Path);
    }

    [Fact]
    public void A_dockerfile_expose_of_a_variable_set_by_env_states_the_port()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["recipes/__init__.py"] = "",
            ["recipes/app.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
            ["docker/Dockerfile"] = "FROM python:3.12-slim\nRUN pip install -r requirements.txt\nENV API_PORT=9000\nEXPOSE ${API_PORT}\nCMD [\"python\", \"-m\", \"recipes\"]\n",
        });
        Assert.Equal(9000, profile.Port);
        Assert.Contains(profile.Evidence, e => e is { File: "docker/Dockerfile", Line: 4 } && e.Fact.Contains("9000", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_through_a_starlette_config_object_are_env_reads_required_without_a_default()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["desk/__init__.py"] = "",
            ["desk/config.py"] =
                "from starlette.config import Config\nfrom starlette.datastructures import Secret\n\nconfig = Config(\".env\")\n\n" +
                "VAULT_KEY = config(\"VAULT_KEY\", cast=Secret)\nDB_HOST = config(\"DB_HOST\")\nDB_PORT = config(\"DB_PORT\", default=\"5432\")\n",
            ["desk/main.py"] = "from fastapi import FastAPI\nfrom . import config\n\napp = FastAPI()\n",
        });
        var env = profile.Env.ToDictionary(e => e.Name);
        Assert.True(env["VAULT_KEY"] is { Required: true, Secret: true });
        Assert.True(env["DB_HOST"] is { Required: true, Secret: false });
        Assert.True(env["DB_PORT"] is { Required: false, Default: "5432" });
        Assert.Equal("desk/config.py:7", env["DB_HOST"].Source);
    }

    [Fact]
    public void A_variable_read_without_default_and_given_to_create_engine_at_import_is_required()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\nsqlmodel\n",
            ["app/__init__.py"] = "",
            ["app/db.py"] =
                "import os\n\nfrom sqlmodel import create_engine\n\nDATABASE_URL = os.environ.get(\"DATABASE_URL\")\nREPLICA_URL = os.environ.get(\"REPLICA_URL\")\n\nengine = create_engine(DATABASE_URL, echo=True)\n",
            ["app/main.py"] = "from fastapi import FastAPI\nfrom app.db import engine\n\napp = FastAPI()\n",
        });
        var env = profile.Env.ToDictionary(e => e.Name);
        Assert.True(env["DATABASE_URL"].Required);
        Assert.False(env["REPLICA_URL"].Required);
    }

    [Fact]
    public void Reads_in_a_block_that_runs_only_when_another_variable_is_set_are_not_required()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["site/__init__.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["site/settings.py"] =
                "import os\n\nif \"CDN_TOKEN\" in os.environ:\n    CDN_ZONE = os.environ[\"CDN_ZONE\"]\n\n" +
                "if \"CSP_SOURCES\" in os.environ:\n    CSP_SOURCES = os.environ.get(\"CSP_SOURCES\").split(\",\")\n\n" +
                "ORIGINS = os.environ.get(\"ORIGINS\").split(\",\")\nSIGNING_KEY = os.environ[\"SIGNING_KEY\"]\n",
        });
        var env = profile.Env.ToDictionary(e => e.Name);
        Assert.False(env["CDN_ZONE"].Required);
        Assert.False(env["CSP_SOURCES"].Required);
        Assert.True(env["ORIGINS"].Required);
        Assert.True(env["SIGNING_KEY"].Required);
    }
}
