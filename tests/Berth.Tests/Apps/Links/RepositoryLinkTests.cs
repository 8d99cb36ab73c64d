using Berth.Apps;
using Berth.Apps.Links;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Links;

/// <summary>Links between a repository's services and the backing services they need, from fixture trees (Python) and from the shared profile part alone (any stack).</summary>
public sealed class RepositoryLinkTests
{
    private static readonly Dictionary<string, string> TwoServices = new()
    {
        ["backend/requirements.txt"] = "fastapi\nuvicorn\nSQLAlchemy[asyncio]>=2\nasyncpg\nredis>=4\n",
        ["backend/app/main.py"] =
            "import os\nfrom fastapi import FastAPI\n\n" +
            "DATABASE_URL = os.environ[\"DATABASE_URL\"]\n" +
            "REDIS_URL = os.getenv(\"REDIS_URL\", \"redis://localhost:6379/0\")\n" +
            "app = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
        ["web/requirements.txt"] = "fastapi\nuvicorn\n",
        ["web/main.py"] =
            "import os\nfrom fastapi import FastAPI\n\n" +
            "BACKEND_URL = os.getenv(\"BACKEND_URL\", \"http://localhost:8000/api\")\n" +
            "ALLOWED_ORIGINS = os.getenv(\"ALLOWED_ORIGINS\", \"http://localhost:8000\")\n" +
            "app = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n\n" +
            "if __name__ == \"__main__\":\n    import uvicorn\n    uvicorn.run(app, port=8080)\n",
    };

    [Fact]
    public void A_local_default_on_another_services_port_links_them_with_evidence()
    {
        using var tree = new TempTree(TwoServices);
        var links = RepositoryScanner.Scan(tree.Root).Links;
        var link = Assert.Single(links.Links);
        Assert.Equal(("web", "backend", "BACKEND_URL", false), (link.From, link.To, link.Variable, link.BuildTime));
        Assert.Equal(("web/main.py", 4), (link.Evidence.File, link.Evidence.Line));
        Assert.Contains("8000", link.Reason);
    }

    [Fact]
    public void Scan_prints_links_and_backing_services_in_text_and_json()
    {
        using var tree = new TempTree(TwoServices);
        var text = BerthCli.Run("scan", tree.Root);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("link web → backend: BACKEND_URL  (web/main.py:4)\n", text.Stdout);
        Assert.Contains("needs postgresql (backend): DATABASE_URL; depends on asyncpg\n", text.Stdout);

        var json = BerthCli.Run("scan", tree.Root, "--format", "json");
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var link = Assert.Single(document.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal("backend", link.GetProperty("to").GetString());
        Assert.Equal(4, link.GetProperty("evidence").GetProperty("line").GetInt32());
        Assert.Equal(["postgresql", "redis"], document.RootElement.GetProperty("backingServices").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        var databaseUrl = document.RootElement.GetProperty("services")[0].GetProperty("env").EnumerateArray().First(e => e.GetProperty("name").GetString() == "DATABASE_URL");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, databaseUrl.GetProperty("defaultScheme").ValueKind); // read with no default
    }

    [Fact]
    public void Browser_facing_variables_are_not_links()
    {
        using var tree = new TempTree(TwoServices);
        Assert.DoesNotContain(RepositoryScanner.Scan(tree.Root).Links.Links, l => l.Variable == "ALLOWED_ORIGINS");
    }

    [Fact]
    public void Drivers_and_url_defaults_name_the_backing_services_and_their_variables()
    {
        using var tree = new TempTree(TwoServices);
        var needs = RepositoryScanner.Scan(tree.Root).Links.BackingServices;
        Assert.Equal(["postgresql", "redis"], needs.Select(n => n.Kind));
        Assert.All(needs, n => Assert.Equal("backend", n.Service));
        Assert.Equal(["DATABASE_URL"], needs[0].Variables);
        Assert.Equal(["REDIS_URL"], needs[1].Variables);
        Assert.Contains(needs[0].Evidence, e => e is { File: "backend/requirements.txt", Line: 4 } && e.Fact.Contains("asyncpg", StringComparison.Ordinal));
        Assert.Contains(needs[1].Evidence, e => e is { File: "backend/requirements.txt", Line: 5 });
        Assert.Contains(needs[1].Evidence, e => e is { File: "backend/app/main.py", Line: 5 });
    }

    [Fact]
    public void Sqlalchemy_alone_needs_a_postgres_url_default_and_a_secret_default_still_tells_its_scheme()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\nsqlalchemy\n",
            ["app.py"] = "import os\nfrom flask import Flask\n\napp = Flask(__name__)\nDB = os.getenv(\"DATABASE_URL\", \"postgresql+psycopg://app:pw@localhost/app\")\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);
        var variable = Assert.Single(scan.Services[0].Env);
        Assert.True(variable.Secret);
        Assert.Null(variable.Default);
        Assert.Equal("postgresql+psycopg", variable.DefaultScheme);
        var need = Assert.Single(scan.Links.BackingServices);
        Assert.Equal(("postgresql", "DATABASE_URL"), (need.Kind, need.Variables.Single()));
    }

    [Fact]
    public void Sqlalchemy_with_sqlite_needs_nothing_and_without_a_url_says_why_not()
    {
        using var sqlite = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\nsqlalchemy\n",
            ["app.py"] = "import os\nfrom flask import Flask\n\napp = Flask(__name__)\nDB = os.getenv(\"DATABASE_URL\", \"sqlite:///data.db\")\n",
        });
        var scan = RepositoryScanner.Scan(sqlite.Root);
        Assert.Empty(scan.Links.BackingServices);
        Assert.DoesNotContain(scan.Notes, n => n.Contains("sqlalchemy", StringComparison.Ordinal));

        using var unknown = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\nsqlalchemy\n",
            ["app.py"] = "import os\nfrom flask import Flask\n\napp = Flask(__name__)\nDB = os.environ[\"DATABASE_URL\"]\n",
        });
        var unknownScan = RepositoryScanner.Scan(unknown.Root);
        Assert.Empty(unknownScan.Links.BackingServices);
        Assert.Contains(unknownScan.Notes, n => n.Contains("uses sqlalchemy without a database driver", StringComparison.Ordinal));
    }

    [Fact]
    public void Celery_broker_urls_name_rabbitmq_or_redis_by_scheme()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\ncelery\npymongo\n",
            ["app/main.py"] =
                "import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\n" +
                "BROKER = os.getenv(\"CELERY_BROKER_URL\", \"amqp://guest:guest@localhost:5672//\")\n" +
                "RESULTS = os.getenv(\"CELERY_RESULT_BACKEND\", \"redis://localhost:6379/1\")\n" +
                "MONGO = os.environ[\"MONGODB_URI\"]\n",
        });
        var needs = RepositoryScanner.Scan(tree.Root).Links.BackingServices;
        Assert.Equal(["mongodb", "redis", "rabbitmq"], needs.Select(n => n.Kind));
        Assert.Equal(["MONGODB_URI"], needs[0].Variables);
        Assert.Equal(["CELERY_RESULT_BACKEND"], needs[1].Variables);
        Assert.Equal(["CELERY_BROKER_URL"], needs[2].Variables);
    }

    [Fact]
    public void A_driver_without_a_url_variable_is_a_need_with_a_note()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["requirements.txt"] = "fastapi\npymysql\n",
            ["app/main.py"] = "import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\nHOST = os.getenv(\"MYSQL_HOST\", \"localhost\")\n",
        });
        var scan = RepositoryScanner.Scan(tree.Root);
        var need = Assert.Single(scan.Links.BackingServices);
        Assert.Equal("mysql", need.Kind);
        Assert.Empty(need.Variables);
        Assert.Contains(scan.Notes, n => n.Contains("needs MySQL", StringComparison.Ordinal) && n.Contains("reads no variable", StringComparison.Ordinal));
    }

    [Fact]
    public void Node_clients_and_a_build_time_api_url_are_read_from_the_shared_profile_part()
    {
        var backend = Profile("backend", "python", 8000, [], []);
        var web = Profile("frontend-web", "node", 3000, ["next", "pg", "ioredis", "mongoose", "mysql2"],
        [
            new EnvVariable("NEXT_PUBLIC_API_URL", false, false, "frontend-web/lib/api.ts:3", "http://localhost:8000", BuildTime: true),
            new EnvVariable("DATABASE_URL", true, true, "frontend-web/lib/db.ts:2", null),
            new EnvVariable("REDIS_URL", true, true, "frontend-web/lib/cache.ts:2", null),
            new EnvVariable("MONGODB_URI", true, true, "frontend-web/lib/mongo.ts:2", null),
        ]);
        var links = RepositoryLinker.Link([backend, web], tree: null);
        var link = Assert.Single(links.Links);
        Assert.Equal(("frontend-web", "backend", "NEXT_PUBLIC_API_URL", true), (link.From, link.To, link.Variable, link.BuildTime));
        Assert.Equal(["postgresql", "mysql", "mongodb", "redis"], links.BackingServices.Select(n => n.Kind));
        // DATABASE_URL could be PostgreSQL's (pg) or MySQL's (mysql2): neither takes it, and MongoDB's own variable wins over DATABASE_URL
        Assert.Equal([[], [], ["MONGODB_URI"], ["REDIS_URL"]], links.BackingServices.Select(n => n.Variables.ToArray()));
        Assert.Equal(("frontend-web/package.json", 0), (links.BackingServices[0].Evidence[0].File, links.BackingServices[0].Evidence[0].Line));
    }

    [Theory]
    [InlineData("API_URL", null, "backend")]
    [InlineData("VITE_API_URL", "http://localhost:8000", "backend")]
    [InlineData("INVENTORY_SERVICE_URL", null, "inventory-service")]
    [InlineData("NOTES_API_URL", null, "notes-api")]
    [InlineData("UPSTREAM", "http://notes-api:9000/v1", "notes-api")]
    [InlineData("AUTH_SERVICE_URL", null, null)]
    [InlineData("OPENAI_API_URL", "https://api.openai.com/v1", null)]
    [InlineData("CORS_ORIGINS", "http://localhost:8000", null)]
    [InlineData("PAGE_SIZE", "20", null)]
    public void Which_variables_name_which_service(string variable, string? value, string? target)
    {
        var services = new[]
        {
            Profile("backend", "python", 8000, [], []),
            Profile("inventory-service", "python", 8081, [], []),
            Profile("notes-api", "python", 9000, [], []),
            Profile("web", "node", 3000, [], [new EnvVariable(variable, false, false, "web/src/config.ts:7", value)]),
        };
        var links = RepositoryLinker.Link(services, tree: null).Links;
        Assert.Equal(target, links.SingleOrDefault()?.To);
    }

    [Fact]
    public void A_generic_name_with_several_candidates_is_a_note_not_a_guess()
    {
        var services = new[]
        {
            Profile("orders", "python", 8000, [], []),
            Profile("payments", "python", 8001, [], []),
            Profile("web", "node", 3000, [], [new EnvVariable("API_URL", true, false, "web/src/config.ts:7", null)]),
        };
        var result = RepositoryLinker.Link(services, tree: null);
        Assert.Empty(result.Links);
        Assert.Contains(result.Notes, n => n.Contains("API_URL", StringComparison.Ordinal) && n.Contains("orders, payments", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postgresql+asyncpg://u:p@db.example.com:5433/app?ssl=require", "postgresql+asyncpg", "db.example.com", 5433, "/app?ssl=require")]
    [InlineData("http://localhost:8000", "http", "localhost", 8000, "")]
    [InlineData("http://[::1]:8000/api", "http", "[::1]", 8000, "/api")]
    [InlineData("redis://redis/0", "redis", "redis", null, "/0")]
    public void Urls_are_read_into_parts(string value, string scheme, string host, int? port, string path)
    {
        var url = EnvUrl.Parse(value);
        Assert.Equal(new EnvUrl(scheme, host, port, path), url);
    }

    [Theory]
    [InlineData("localhost:8000")]
    [InlineData("not a url")]
    [InlineData("://x")]
    public void Non_urls_are_not_parsed(string value) => Assert.Null(EnvUrl.Parse(value));

    private static ServiceProfile Profile(string name, string language, int port, IReadOnlyList<string> dependencies, IReadOnlyList<EnvVariable> env) => new()
    {
        Name = name,
        Path = name,
        BuildContext = name,
        Runtime = new RuntimeInfo(language, language == "node" ? "22" : "3.11", "default"),
        Framework = language == "node" ? "nextjs" : "fastapi",
        Port = port,
        Health = [],
        Env = env,
        PackageManager = language == "node" ? "npm" : "pip",
        ManifestFile = name + (language == "node" ? "/package.json" : "/requirements.txt"),
        Dependencies = dependencies,
    };
}
