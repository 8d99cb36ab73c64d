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
}
