using Berth.Apps;
using Berth.Apps.Links;
using Berth.Generation;
using Berth.Generation.Compose;

namespace Berth.Tests.Generation.Compose;

/// <summary>The compose decisions, from the shared profile part and the image contract alone (any stack, including ones Berth cannot detect yet).</summary>
public sealed class ComposePlannerTests
{
    private static readonly ComposeLayout InPlace = new("/repo", "/repo");

    [Fact]
    public void A_port_an_earlier_app_publishes_moves_to_the_next_free_one_on_loopback()
    {
        var plan = ComposePlanner.Plan([Input("api", 8000), Input("admin", 8000), Input("web", 8001)], RepositoryLinks.None, InPlace);
        Assert.Equal(["127.0.0.1:8000:8000", "127.0.0.1:8001:8000", "127.0.0.1:8002:8001"], plan.Apps.Select(a => a.Port));
        Assert.Contains(plan.Decisions, d => d.StartsWith("admin: ", StringComparison.Ordinal) && d.Contains("8000 is taken by an earlier service", StringComparison.Ordinal));
    }

    [Fact]
    public void A_build_time_link_is_a_build_argument_with_the_browsers_address_and_a_runtime_link_uses_the_service_name()
    {
        var web = Input("frontend-web", 3000, [
            new EnvVariable("NEXT_PUBLIC_API_URL", false, false, "frontend-web/lib/api.ts:3", "http://localhost:8000/v1", BuildTime: true),
            new EnvVariable("API_URL", true, false, "frontend-web/lib/server.ts:4", null),
        ], buildArguments: ["NEXT_PUBLIC_API_URL"]);
        var links = new RepositoryLinks(
        [
            new ServiceLink("frontend-web", "backend", "NEXT_PUBLIC_API_URL", true, "port", new Evidence("x", "frontend-web/lib/api.ts", 3)),
            new ServiceLink("frontend-web", "backend", "API_URL", false, "name", new Evidence("x", "frontend-web/lib/server.ts", 4)),
        ], [], []);
        var plan = ComposePlanner.Plan([Input("backend", 8000), web], links, InPlace);
        var app = plan.Apps[1];
        Assert.Equal(["NEXT_PUBLIC_API_URL=http://localhost:8000/v1"], app.BuildArgs);
        Assert.Equal([new KeyValuePair<string, string>("API_URL", "http://backend:8000")], app.Environment);
        Assert.Equal(["backend"], app.DependsOn);
        Assert.Empty(app.EnvFiles); // every variable it reads is set by compose
        Assert.Contains(plan.Decisions, d => d.Contains("NEXT_PUBLIC_API_URL is fixed at build time", StringComparison.Ordinal));
        var yaml = ComposeYamlWriter.Write(plan);
        Assert.Contains("      args:\n        - NEXT_PUBLIC_API_URL=http://localhost:8000/v1\n", yaml);
        Assert.DoesNotContain("NEXT_PUBLIC_API_URL:", yaml);
    }

    [Fact]
    public void A_link_back_that_would_close_a_dependency_cycle_is_left_out_and_said()
    {
        var links = new RepositoryLinks(
        [
            new ServiceLink("a", "b", "B_SERVICE_URL", false, "r", new Evidence("x", "a/m.py", 1)),
            new ServiceLink("b", "a", "A_SERVICE_URL", false, "r", new Evidence("x", "b/m.py", 1)),
        ], [], []);
        var plan = ComposePlanner.Plan([Input("a", 8000), Input("b", 8001)], links, InPlace);
        Assert.Equal(["b"], plan.Apps[0].DependsOn);
        Assert.Empty(plan.Apps[1].DependsOn);
        Assert.Equal("http://a:8000", plan.Apps[1].Environment.Single().Value);
        Assert.Contains(plan.Decisions, d => d.Contains("no depends_on a", StringComparison.Ordinal) && d.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void Backing_services_get_their_own_healthcheck_a_named_volume_and_the_url_in_the_scheme_the_driver_wants()
    {
        var api = Input("api", 8000, [
            new EnvVariable("DATABASE_URL", true, true, "api/db.py:3", null),
            new EnvVariable("BROKER", false, true, "api/tasks.py:2", null, DefaultScheme: "amqp"),
            new EnvVariable("MONGO_URL", true, true, "api/m.py:2", null),
        ], dependencies: ["sqlalchemy", "aiomysql", "pika", "motor"]);
        var links = new RepositoryLinks([],
        [
            new BackingServiceNeed("api", "mysql", ["DATABASE_URL"], "depends on aiomysql", []),
            new BackingServiceNeed("api", "mongodb", ["MONGO_URL"], "depends on motor", []),
            new BackingServiceNeed("api", "rabbitmq", ["BROKER"], "depends on pika", []),
        ], []);
        var plan = ComposePlanner.Plan([api], links, InPlace);
        Assert.Equal(["mysql", "mongo", "rabbitmq"], plan.DevServices.Select(d => d.Name));
        Assert.Equal(["mysql", "mongo", "rabbitmq"], plan.Apps[0].DependsOn);
        Assert.Equal(
        [
            new("DATABASE_URL", $"mysql+aiomysql://app:{DevService.PlaceholderPassword}@mysql:3306/app"),
            new("MONGO_URL", $"mongodb://app:{DevService.PlaceholderPassword}@mongo:27017/app?authSource=admin"),
            new KeyValuePair<string, string>("BROKER", $"amqp://app:{DevService.PlaceholderPassword}@rabbitmq:5672/%2F"),
        ], plan.DevServiceUrls);
        Assert.Equal([ComposeLayout.EnvFileName], plan.Apps[0].EnvFiles);
        var yaml = ComposeYamlWriter.Write(plan);
        Assert.Contains("    volumes:\n      - mysql-data:/var/lib/mysql\n", yaml);
        Assert.Contains("        - mysqladmin\n        - ping\n", yaml);
        Assert.Contains("volumes:\n  mysql-data: {}\n  mongo-data: {}\n  rabbitmq-data: {}\n", yaml);
        Assert.DoesNotContain(DevService.PlaceholderPassword, yaml);
        var env = ComposeEnvWriter.Write(plan);
        Assert.Contains("MYSQL_RANDOM_ROOT_PASSWORD=yes\n", env);
    }

    [Fact]
    public void A_development_service_named_like_an_app_is_renamed()
    {
        var plan = ComposePlanner.Plan([Input("redis", 8000, dependencies: ["redis"])],
            new RepositoryLinks([], [new BackingServiceNeed("redis", "redis", [], "depends on redis", [])], []), InPlace);
        Assert.Equal("redis-dev", plan.DevServices.Single().Name);
        Assert.Equal(["redis-dev"], plan.Apps[0].DependsOn);
    }

    [Fact]
    public void Writable_paths_become_tmpfs_mounts_owned_by_the_image_user_and_the_user_comes_from_the_contract()
    {
        var input = Input("api", 8000) with
        {
            Container = Contract("api", 8000) with
            {
                Uid = 65532,
                Gid = 65532,
                WritablePaths = [new WritablePath("/tmp", "t", "s"), new WritablePath("/app/data/app.db", "sqlite", "api/db.py:1"), new WritablePath("/app/.next/cache", "next", "s")],
            },
        };
        var app = ComposePlanner.Plan([input], RepositoryLinks.None, InPlace).Apps.Single();
        Assert.Equal("65532:65532", app.User);
        Assert.Equal(["/tmp:uid=65532,gid=65532,mode=0700", "/app/data:uid=65532,gid=65532,mode=0700", "/app/.next/cache:uid=65532,gid=65532,mode=0700"], app.Tmpfs);
    }

    [Fact]
    public void Only_required_variables_compose_does_not_set_make_the_env_file_a_must()
    {
        var optional = Input("api", 8000, [new EnvVariable("PAGE_SIZE", false, false, "api/m.py:1", "20")]);
        var required = Input("worker-api", 8001, [new EnvVariable("TOKEN", true, true, "worker-api/m.py:1", null)]);
        var plan = ComposePlanner.Plan([optional, required], RepositoryLinks.None, new ComposeLayout("/repo", "/repo/deploy"));
        Assert.Empty(plan.Apps[0].EnvFiles);
        Assert.Contains(plan.Decisions, d => d.StartsWith("api: no env_file", StringComparison.Ordinal) && d.Contains("PAGE_SIZE", StringComparison.Ordinal));
        Assert.Equal(["../worker-api/.env"], plan.Apps[1].EnvFiles);
        Assert.Equal("../worker-api", plan.Apps[1].Context);
        Assert.Equal("../deploy/worker-api/Dockerfile", plan.Apps[1].Dockerfile);
    }

    [Theory]
    [InlineData("127.0.0.1:8000:8000", "\"127.0.0.1:8000:8000\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("http://backend:8000/api", "http://backend:8000/api")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("NAME=it's", "\"NAME=it's\"")]
    [InlineData(".env.compose", "\".env.compose\"")]
    [InlineData("10001:10001", "\"10001:10001\"")]
    public void Scalars_are_quoted_when_yaml_could_read_them_as_something_else(string value, string written) =>
        Assert.Equal(written, YamlText.Scalar(value));

    [Fact]
    public void Literal_values_escape_compose_interpolation() =>
        Assert.Equal("\"A=$$HOME\"", YamlText.Literal("A=$HOME"));

    private static ComposeInput Input(string name, int port, IReadOnlyList<EnvVariable>? env = null, IReadOnlyList<string>? dependencies = null, IReadOnlyList<string>? buildArguments = null) =>
        new(new ServiceProfile
        {
            Name = name,
            Path = name,
            BuildContext = name,
            Runtime = new RuntimeInfo("node", "22", "default"),
            Framework = "express",
            Port = port,
            Health = [new HealthRoute("/health", ["GET", "HEAD"], name + "/server.js:4")],
            Env = env ?? [],
            PackageManager = "npm",
            Dependencies = dependencies ?? [],
        }, Contract(name, port) with { BuildArguments = buildArguments ?? [] }, name + "/Dockerfile");

    private static ContainerContract Contract(string name, int port) => new()
    {
        Image = name,
        Uid = 1000,
        Gid = 1000,
        Port = port,
        Command = ["node", "server.js"],
        Liveness = new HealthRoute("/health", ["GET", "HEAD"], name + "/server.js:4"),
        WritablePaths = [new WritablePath("/tmp", "temporary files", "berth default")],
        GracefulStopSeconds = 10,
        Processes = 1,
        BaseImage = "node:22-bookworm-slim",
    };
}
