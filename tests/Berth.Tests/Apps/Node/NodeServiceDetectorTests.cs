using Berth;
using Berth.Apps;
using Berth.Apps.Node;
using Berth.Tests.Support;

namespace Berth.Tests.Apps.Node;

/// <summary>Node service discovery and profile facts, on small fixture trees written here.</summary>
public sealed class NodeServiceDetectorTests
{
    private static ScanResult Scan(TempTree tree) => RepositoryScanner.Scan(tree.Root, [new NodeServiceDetector()]);

    private static ServiceProfile Single(Dictionary<string, string> files)
    {
        using var tree = new TempTree(files);
        return Assert.Single(Scan(tree).Services);
    }

    private const string ExpressLock = """
        { "lockfileVersion": 3, "packages": { "": { "dependencies": { "express": "4.21.2" } }, "node_modules/express": { "version": "4.21.2" } } }
        """;

    [Fact]
    public void Next_app_router_with_standalone_basepath_and_build_time_env()
    {
        var app = Single(new()
        {
            ["web/package.json"] = """{ "name": "@acme/web", "scripts": { "build": "next build", "start": "next start -p 4000" }, "dependencies": { "next": "15.0.0", "react": "19.0.0" } }""",
            ["web/next.config.ts"] = """
                // output: 'export'
                const config = { output: 'standalone', basePath: '/shop', env: { BUILD_SHA: process.env.BUILD_SHA } };
                export default config;
                """,
            ["web/src/app/(ops)/api/healthz/route.ts"] = "export function GET() { return new Response('ok'); }",
            ["web/src/app/page.tsx"] = "export default function P() { return <p>{process.env.NEXT_PUBLIC_API_URL}{process.env.SESSION_SECRET}</p>; }",
        });
        Assert.Equal("web", app.Name);
        Assert.Equal("nextjs", app.Framework);
        Assert.Equal(4000, app.Port);
        var node = app.NodePart();
        Assert.Equal("next", node.Kind);
        Assert.Equal("standalone", node.NextOutput);
        Assert.Equal("/shop", node.BasePath);
        Assert.Equal("app", node.NextRouter);
        var health = Assert.Single(app.Health);
        Assert.Equal("/shop/api/healthz", health.Path);
        Assert.Equal(["GET", "HEAD"], health.Methods);
        Assert.True(Assert.Single(app.Env, e => e.Name == "NEXT_PUBLIC_API_URL").BuildTime);
        Assert.True(Assert.Single(app.Env, e => e.Name == "BUILD_SHA").BuildTime);
        var secret = Assert.Single(app.Env, e => e.Name == "SESSION_SECRET");
        Assert.True(secret.Secret);
        Assert.False(secret.BuildTime);
        Assert.Contains(app.WritablePaths, w => w.Path == ".next/cache");
        Assert.Equal("npm", app.PackageManager);
        Assert.Null(app.LockFile);
    }

    [Fact]
    public void Next_pages_router_health_and_default_port()
    {
        var app = Single(new()
        {
            ["package.json"] = """{ "scripts": { "build": "next build" }, "dependencies": { "next": "14.2.0" } }""",
            ["pages/api/health.js"] = "export default function handler(req, res) { res.status(200).end(); }",
            ["pages/index.js"] = "export default function Home() { return null; }",
        });
        Assert.Equal(3000, app.Port);
        Assert.True(app.PortIsDefault); // Next.js's default: no script or code states it
        Assert.Equal("/api/health", Assert.Single(app.Health).Path);
        Assert.Equal("pages", app.NodePart().NextRouter);
        Assert.Null(app.NodePart().NextOutput);
    }

    [Fact]
    public void Express_server_entry_port_health_sigterm_and_lock()
    {
        var app = Single(new()
        {
            ["package.json"] = """{ "name": "api", "scripts": { "start": "node ./src/index.js" }, "dependencies": { "express": "4.21.2" }, "engines": { "node": ">=18 <21" } }""",
            ["package-lock.json"] = ExpressLock,
            ["src/index.js"] = """
                const express = require('express');
                const app = express();
                app.get('/healthz', (req, res) => res.send('ok'));
                const server = app.listen(process.env.PORT || 8080);
                process.on('SIGTERM', () => server.close());
                """,
        });
        Assert.Equal("express", app.Framework);
        Assert.Equal(8080, app.Port);
        Assert.False(app.PortIsDefault);
        Assert.Equal("20", app.Runtime.Version);
        Assert.Equal("engines.node", app.Runtime.VersionSource);
        Assert.Equal("src/index.js", app.NodePart().Entry);
        Assert.Equal("src/index.js:5", app.NodePart().SigtermHandler);
        Assert.Equal("package-lock.json", app.LockFile);
        Assert.Equal(["GET", "HEAD"], Assert.Single(app.Health).Methods);
    }

    [Fact]
    public void Nest_entry_from_a_tsc_build_and_the_global_prefix()
    {
        var app = Single(new()
        {
            ["package.json"] = """{ "scripts": { "build": "nest build" }, "dependencies": { "@nestjs/core": "11.0.0" } }""",
            ["src/main.ts"] = "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\nawait app.listen(3000);",
            ["src/health.controller.ts"] = "@Controller('health')\nexport class H { @Get() ok() {} }",
        });
        Assert.Equal("nestjs", app.Framework);
        Assert.Equal("dist/main.js", app.NodePart().Entry);
        Assert.Equal("/api/health", Assert.Single(app.Health).Path);
        Assert.Null(app.NodePart().SigtermHandler);
    }

    [Fact]
    public void Vite_spa_is_static_on_8080_and_all_its_env_is_build_time()
    {
        var app = Single(new()
        {
            ["package.json"] = """{ "scripts": { "build": "vite build" }, "devDependencies": { "vite": "6.0.0" } }""",
            ["index.html"] = "<div id=app></div>",
            ["src/main.js"] = "console.log(import.meta.env.VITE_API_URL);",
            [".nvmrc"] = "lts/iron\n",
        });
        Assert.Equal("static", app.NodePart().Kind);
        Assert.Equal("dist", app.NodePart().StaticOutput);
        Assert.Equal(8080, app.Port);
        Assert.Equal("20", app.Runtime.Version);
        Assert.Equal(".nvmrc", app.Runtime.VersionSource);
        Assert.True(Assert.Single(app.Env).BuildTime);
    }

    [Fact]
    public void Test_and_lint_tool_configs_are_not_the_apps_env()
    {
        // fastapi/full-stack-fastapi-template's frontend: playwright.config.ts reads CI and the test base URL; the SPA reads one variable.
        var app = Single(new()
        {
            ["package.json"] = """{ "scripts": { "build": "vite build" }, "devDependencies": { "vite": "6.0.0", "@playwright/test": "1.50.0" } }""",
            ["index.html"] = "<div id=app></div>",
            ["src/main.ts"] = "console.log(import.meta.env.VITE_API_URL);",
            ["playwright.config.ts"] = "export default { retries: process.env.CI ? 2 : 0, use: { baseURL: process.env.PLAYWRIGHT_BASE_URL } };",
            ["vitest.config.ts"] = "export default { test: { env: { TZ: process.env.TEST_TZ } } };",
            ["src/Button.stories.tsx"] = "const theme = process.env.STORYBOOK_THEME;",
            ["vite.config.ts"] = "export default { base: process.env.VITE_BASE_PATH };",
        });
        Assert.Equal(["VITE_API_URL", "VITE_BASE_PATH"], app.Env.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tooling_only_package_json_is_skipped_with_the_reason_and_the_service_beside_it_is_found()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["package.json"] = """{ "devDependencies": { "eslint": "9.0.0", "prettier": "3.0.0" } }""",
            ["api/package.json"] = """{ "scripts": { "start": "node server.js" }, "dependencies": { "fastify": "5.0.0" } }""",
            ["api/server.js"] = "fastify.get('/health', async () => 'ok');\nawait fastify.listen({ port: 3000 });",
        });
        var scan = Scan(tree);
        Assert.Equal("api", Assert.Single(scan.Services).Path);
        var skipped = Assert.Single(scan.Skipped);
        Assert.Equal(".", skipped.Path);
        Assert.Contains("eslint", skipped.Reason);
        Assert.Contains("not a web service", skipped.Reason);
    }

    [Fact]
    public void Workspace_member_builds_from_the_root_with_the_root_lock()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["package.json"] = """{ "name": "mono", "private": true, "workspaces": ["apps/*", "packages/*"], "devDependencies": { "turbo": "2.0.0" } }""",
            ["pnpm-lock.yaml"] = "lockfileVersion: '9.0'\n",
            ["turbo.json"] = "{}",
            ["apps/api/package.json"] = """{ "name": "@mono/api", "scripts": { "start": "node index.js" }, "dependencies": { "koa": "2.0.0", "@mono/lib": "workspace:*" } }""",
            ["apps/api/index.js"] = "const app = new Koa();\napp.listen(3000);",
            ["packages/lib/package.json"] = """{ "name": "@mono/lib", "main": "index.js" }""",
        });
        var scan = Scan(tree);
        var api = Assert.Single(scan.Services);
        Assert.Equal(".", api.BuildContext);
        Assert.Equal(".", api.WorkspaceRoot);
        Assert.Equal("pnpm", api.PackageManager);
        Assert.Equal("pnpm-lock.yaml", api.LockFile);
        Assert.Equal(["apps/api", "packages/lib"], api.NodePart().WorkspaceMembers);
        Assert.Equal("turbo", api.NodePart().WorkspaceTool);
        Assert.Contains(scan.Skipped, s => s.Path == "." && s.Reason.Contains("workspace root", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("yarn.lock", "# yarn lockfile v1\n", "yarn", false)]
    [InlineData("yarn.lock", "__metadata:\n  version: 8\n", "yarn", true)]
    [InlineData("bun.lockb", "x", "bun", false)]
    public void Package_manager_from_the_lock(string lockName, string lockText, string manager, bool berry)
    {
        var app = Single(new()
        {
            ["package.json"] = """{ "scripts": { "start": "node s.js" }, "dependencies": { "express": "4" } }""",
            [lockName] = lockText,
            ["s.js"] = "app.listen(3000);",
        });
        Assert.Equal(manager, app.PackageManager);
        Assert.Equal(berry, app.NodePart().YarnBerry);
    }

    [Fact]
    public void Package_manager_field_wins_and_carries_its_version()
    {
        var app = Single(new()
        {
            ["package.json"] = """{ "packageManager": "pnpm@9.12.0", "scripts": { "start": "node s.js" }, "dependencies": { "express": "4" } }""",
            ["s.js"] = "app.listen(3000);",
        });
        Assert.Equal("pnpm", app.PackageManager);
        Assert.Equal("9.12.0", app.NodePart().PackageManagerVersion);
    }

    [Fact]
    public void Broken_package_json_names_the_line()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["web/package.json"] = "{\n  \"name\": \"web\"\n  \"dependencies\": { \"next\": \"15\" }\n}\n" });
        var error = Assert.Throws<InputException>(() => Scan(tree));
        Assert.Equal("web/package.json", error.File);
        Assert.Equal(3, error.Line); // the missing comma after "web"
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Two_lock_files_are_an_input_error()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["package.json"] = """{ "scripts": { "start": "node s.js" }, "dependencies": { "express": "4" } }""",
            ["package-lock.json"] = ExpressLock,
            ["yarn.lock"] = "# yarn lockfile v1\n",
            ["s.js"] = "app.listen(3000);",
        });
        var error = Assert.Throws<InputException>(() => Scan(tree));
        Assert.Contains("two lock files", error.Message);
        Assert.Contains("package-lock.json", error.Message);
    }

    [Fact]
    public void A_dependency_missing_from_package_lock_is_an_input_error_at_its_line()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["package.json"] = "{\n  \"scripts\": { \"start\": \"node s.js\" },\n  \"dependencies\": {\n    \"express\": \"4\",\n    \"zod\": \"3\"\n  }\n}\n",
            ["package-lock.json"] = ExpressLock,
            ["s.js"] = "app.listen(3000);",
        });
        var error = Assert.Throws<InputException>(() => Scan(tree));
        Assert.Equal("package.json", error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("zod", error.Message);
    }

    [Fact]
    public void Workspace_cycle_is_an_input_error_at_the_dependency_that_closes_it()
    {
        using var tree = new TempTree(new Dictionary<string, string>
        {
            ["package.json"] = """{ "workspaces": ["packages/*"] }""",
            ["packages/a/package.json"] = "{\n  \"name\": \"a\",\n  \"dependencies\": { \"b\": \"*\" }\n}\n",
            ["packages/b/package.json"] = "{\n  \"name\": \"b\",\n  \"dependencies\": {\n    \"a\": \"*\"\n  }\n}\n",
        });
        var error = Assert.Throws<InputException>(() => Scan(tree));
        Assert.Equal("packages/b/package.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("a → b → a", error.Message);
    }

    [Fact]
    public void Python_and_node_services_of_one_repository_come_back_together()
    {
        var scan = RepositoryScanner.Scan(RepoPaths.Root + "/examples");
        Assert.Contains(scan.Services, s => s.Runtime.Language == "python");
        Assert.Contains(scan.Services, s => s.Runtime.Language == "node" && s.Framework == "nextjs");
        Assert.Contains(scan.Services, s => s.Runtime.Language == "node" && s.Framework == "express");
    }
}
