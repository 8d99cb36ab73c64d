using Berth.Apps;
using Berth.Apps.Python;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Python;

/// <summary>Classes of real repositories the examples did not have (issue 13), each on a fixture written for it.</summary>
public sealed class RealRepositoryClassesTests
{
    private static ServiceProfile Single(string fixture) => Assert.Single(PythonServiceDetector.Scan(RepoPaths.Fixture(fixture)).Services);

    private static ServiceProfile Scan(IReadOnlyDictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(PythonServiceDetector.Scan(tree.Root).Services);
    }

    [Fact]
    public void A_top_level_module_that_builds_the_app_with_a_factory_from_a_package_is_the_entrypoint()
    {
        var journal = Single("flask-factory");
        Assert.Equal("journal:app", journal.Entrypoint);
        Assert.Contains(journal.Evidence, e => e is { File: "journal.py", Line: 3 } && e.Fact.Contains("journal:app", StringComparison.Ordinal));
    }

    [Fact]
    public void A_factory_called_at_module_level_in_its_own_file_is_the_entrypoint_not_the_factory_call()
    {
        Assert.Equal("app.main:app", Single("fastapi-settings-prefix").Entrypoint);
    }

    [Fact]
    public void A_factory_that_returns_another_factorys_app_is_a_factory_too()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["site/base.py"] = "from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n    return app\n\ndef create_wsgi():\n    app = create_app()\n    return app\n",
            ["site/__init__.py"] = "from .base import create_app, create_wsgi\n",
            ["wsgi.py"] = "from site import create_wsgi\n\napp = application = create_wsgi()\n",
        });
        Assert.Equal("wsgi:app", profile.Entrypoint);
    }

    [Fact]
    public void A_call_to_a_function_that_builds_no_app_is_not_an_entrypoint()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\n",
            ["app/main.py"] = "from fastapi import FastAPI\nfrom app.log import make_logger\n\nlogger = make_logger()\napp = FastAPI()\n",
            ["app/log.py"] = "import logging\n\ndef make_logger():\n    return logging.getLogger('x')\n",
        });
        Assert.Equal("app.main:app", profile.Entrypoint);
    }

    [Fact]
    public void A_router_prefix_from_a_settings_field_default_is_resolved_through_routers_included_into_routers()
    {
        var ledger = Single("fastapi-settings-prefix");
        var health = Assert.Single(ledger.Health);
        Assert.Equal("/api/v1/utils/health-check/", health.Path);
        Assert.Contains(ledger.Evidence, e => e is { File: "app/core/config.py", Line: 5 } && e.Fact.Contains("settings.API_V1_STR", StringComparison.Ordinal));
    }

    [Fact]
    public void A_blueprint_imported_under_an_alias_gets_its_url_prefix()
    {
        var health = Assert.Single(Single("flask-factory").Health);
        Assert.Equal("/ops/healthz", health.Path);
    }

    [Fact]
    public void A_prefix_that_resolves_to_no_literal_makes_the_route_partial_and_says_so()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\n",
            ["app/main.py"] = "import os\nfrom fastapi import FastAPI\nfrom app.health import router\n\nPREFIX = os.environ['PREFIX']\napp = FastAPI()\napp.include_router(router, prefix=PREFIX)\n",
            ["app/health.py"] = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get('/health')\ndef health():\n    return {}\n",
        });
        Assert.Equal("/health", Assert.Single(profile.Health).Path);
        Assert.Contains(profile.Notes, n => n.Contains("app/health.py:5: the health route /health is partial", StringComparison.Ordinal) && n.Contains("app/main.py:7 PREFIX", StringComparison.Ordinal));
    }

    [Fact]
    public void The_port_and_start_command_the_repository_states_in_its_start_script_win_over_the_default()
    {
        var journal = Single("flask-factory");
        Assert.Equal(5000, journal.Port);
        Assert.Equal("gunicorn -b :5000 --access-logfile - --error-logfile - journal:app", journal.StartCommand);
        Assert.Contains(journal.Evidence, e => e is { File: "boot.sh", Line: 4 } && e.Fact.StartsWith("port 5000 from the repository's own server command", StringComparison.Ordinal));
    }

    [Fact]
    public void A_default_port_is_never_reported_as_stated()
    {
        var ledger = Single("fastapi-settings-prefix");
        Assert.Equal(8000, ledger.Port);
        Assert.Null(ledger.StartCommand);
        Assert.Contains(ledger.Evidence, e => e.Fact.Contains("default 8000", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repositorys_dockerfile_states_port_python_and_command_and_a_production_one_wins()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
            ["Dockerfile"] = "FROM python:3.10-slim\nEXPOSE 7000\nCMD [\"uvicorn\", \"app.main:app\"]\n",
            ["Dockerfile.prod"] = "FROM python:3.12-slim AS build\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nENV PORT=9000\nCMD uvicorn app.main:app --host 0.0.0.0 --port 9100 --proxy-headers\n",
            ["nginx/Dockerfile"] = "FROM nginx:1.27\nEXPOSE 80\n",
        });
        Assert.Equal(9100, profile.Port);
        Assert.Equal("3.12", profile.Runtime.Version);
        Assert.Equal("Dockerfile", profile.Runtime.VersionSource);
        Assert.Equal("uvicorn app.main:app --host 0.0.0.0 --port 9100 --proxy-headers", profile.StartCommand);
    }

    [Fact]
    public void An_expose_in_a_serving_stage_counts_when_the_last_stage_is_a_worker()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\nuvicorn\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
            ["Dockerfile"] = "FROM python:3.11-slim AS server\nEXPOSE 8001\nCMD [\"supervisord\"]\nFROM python:3.11-slim AS worker\nCMD [\"celery\", \"worker\"]\n",
        });
        Assert.Equal(8001, profile.Port);
    }

    [Fact]
    public void A_python_image_past_end_of_life_is_not_adopted_and_says_so()
    {
        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["app.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["Dockerfile"] = "FROM python:3.6-alpine\nCMD gunicorn app:app\n",
        });
        Assert.Equal("3.11", profile.Runtime.Version);
        Assert.Contains(profile.Notes, n => n.StartsWith("Dockerfile:1: the repository's Dockerfile builds on Python 3.6, which is past its end of life", StringComparison.Ordinal));
    }

    [Fact]
    public void Gunicorn_conf_bind_and_compose_command_state_the_port()
    {
        var conf = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "django\ngunicorn\n",
            ["manage.py"] = "",
            ["site/settings.py"] = "WSGI_APPLICATION = 'site.wsgi.application'\n",
            ["gunicorn.conf.py"] = "bind = \"0.0.0.0:8080\"\nworkers = 2\n",
        });
        Assert.Equal(8080, conf.Port);

        var compose = Scan(new Dictionary<string, string>
        {
            ["services/web/requirements.txt"] = "flask\ngunicorn\n",
            ["services/web/project/__init__.py"] = "from flask import Flask\n\napp = Flask(__name__)\n",
            ["docker-compose.prod.yml"] = "services:\n  web:\n    build: ./services/web\n    command: gunicorn --bind 0.0.0.0:5000 project:app\n",
        });
        Assert.Equal(5000, compose.Port);
    }

    [Fact]
    public void Migrations_the_repository_runs_are_recorded_as_a_separate_step_with_where_it_runs_them()
    {
        var journal = Single("flask-factory");
        Assert.Equal(new MigrationCommand("flask-migrate", "flask db upgrade", true, "boot.sh:3"), journal.Migrations);
        var ledger = Single("fastapi-settings-prefix");
        Assert.Equal(new MigrationCommand("alembic", "alembic upgrade head", true, "scripts/prestart.sh:3"), ledger.Migrations);
    }

    [Fact]
    public void Migrations_nobody_runs_get_the_tools_standard_command()
    {
        var django = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "django\n",
            ["manage.py"] = "",
            ["site/settings.py"] = "WSGI_APPLICATION = 'site.wsgi.application'\n",
            ["shop/migrations/0001_initial.py"] = "",
        });
        Assert.Equal(new MigrationCommand("django", "python manage.py migrate --noinput", false, "shop/migrations/0001_initial.py"), django.Migrations);

        var none = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\n",
            ["app/main.py"] = "from fastapi import FastAPI\n\napp = FastAPI()\n",
        });
        Assert.Null(none.Migrations);
    }

    [Fact]
    public void Names_that_describe_a_credential_are_not_secrets_and_names_that_hold_one_are()
    {
        var ledger = Single("fastapi-settings-prefix");
        bool Secret(string name) => Assert.Single(ledger.Env, e => e.Name == name).Secret;
        Assert.True(Secret("SECRET_KEY"));
        Assert.True(Secret("SMTP_PASSWORD"));
        Assert.True(Secret("DATABASE_URL"));
        Assert.False(Secret("ACCESS_TOKEN_EXPIRE_MINUTES"));
        Assert.False(Secret("SMTP_LOGIN"));
        Assert.False(Secret("OTEL_EXPORTER_ENDPOINT"));
        Assert.False(Secret("SIGNUP_ENABLED"));
    }

    [Fact]
    public void Folders_log_files_sqlite_databases_and_uploads_the_code_writes_are_writable_paths_with_their_source()
    {
        var journal = Single("flask-factory");
        var logs = Assert.Single(journal.WritablePaths);
        Assert.Equal(new WritablePath("logs", "created with os.mkdir()", "journal_app/factory.py:15"), logs);

        var profile = Scan(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["app.py"] = "import logging, os\nfrom logging.handlers import RotatingFileHandler\nfrom pathlib import Path\nfrom flask import Flask\n\napp = Flask(__name__)\nPath('cache').mkdir(exist_ok=True)\nlogging.basicConfig(filename='var/app.log')\nhandler = RotatingFileHandler('audit.log')\nos.makedirs('/tmp/scratch', exist_ok=True)\n",
            ["config.py"] = "import os\nbasedir = os.path.abspath(os.path.dirname(__file__))\n\nclass Config:\n    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or 'sqlite:///' + os.path.join(basedir, 'app.db')\n    UPLOAD_FOLDER = os.path.join(basedir, 'uploads')\n",
        });
        Assert.Equal(["app.db", "audit.log", "cache", "uploads", "var"], profile.WritablePaths.Select(w => w.Path));
        Assert.Contains(profile.WritablePaths, w => w is { Path: "app.db", Source: "config.py:5" } && w.Reason.StartsWith("SQLite database", StringComparison.Ordinal));
    }
}
