using System.Globalization;
using Berth.Apps.Node.Manifests;
using Berth.Apps.Node.Source;

namespace Berth.Apps.Node;

/// <summary>
/// Finds every Node.js service under a root, one per package.json (never by folder name): a Next.js app, a server (Express, Fastify,
/// Koa, NestJS, or plain node that listens), or a static SPA (Vite, Create React App). A package.json with only tooling or a library
/// is set aside with the reason. Workspace members build from the workspace root.
/// </summary>
public sealed class NodeServiceDetector : IServiceDetector
{
    public const int DefaultNextPort = 3000;
    public const int DefaultServerPort = 3000;

    /// <summary>The port Berth's static file server listens on (≥ 1024, so no capability is needed as a non-root user).</summary>
    public const int StaticServerPort = 8080;

    private static readonly (string Dependency, string Framework)[] ServerFrameworks =
        [("@nestjs/core", "nestjs"), ("fastify", "fastify"), ("express", "express"), ("koa", "koa"), ("hono", "hono")];

    private static readonly string[] SourceExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"];

    /// <summary>Dependencies that compile native code at install time (or download a libc-specific engine).</summary>
    private static readonly string[] NativeModuleNames =
        ["sharp", "bcrypt", "argon2", "prisma", "@prisma/client", "better-sqlite3", "sqlite3", "canvas", "node-sass", "re2", "@node-rs/bcrypt", "@node-rs/argon2"];

    public string Language => "node";

    public DetectedServices Detect(SourceTree tree)
    {
        var manifests = tree.Files
            .Where(f => RelativePath.FileName(f) == "package.json")
            .ToDictionary(RelativePath.Parent, f => PackageJson.Parse(f, tree.ReadManifest(f)), StringComparer.Ordinal);
        var workspaces = NodeWorkspaces.Read(tree, manifests);

        var services = new List<ServiceProfile>();
        var skipped = new List<SkippedFolder>();
        foreach (var (folder, manifest) in manifests.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var ownedFolders = manifests.Keys.Where(k => k != folder && RelativePath.IsAtOrBelow(k, folder)).ToList();
            var sources = SourceFiles(tree, folder, ownedFolders);
            var framework = Framework(manifest);
            if (framework is null)
            {
                var listening = sources.Values.SelectMany(m => m.ListenCalls.Select(l => (m.File, l))).FirstOrDefault();
                if (listening.File is not null && EntryFromScripts(manifest) is not null)
                    framework = "node";
                else
                {
                    skipped.Add(new SkippedFolder(folder, SkipReason(manifest, workspaces, folder)));
                    continue;
                }
            }
            services.Add(Profile(tree, folder, manifest, framework, sources, workspaces));
        }
        return new DetectedServices(services, skipped, []);
    }

    private static string? Framework(PackageJson manifest)
    {
        if (manifest.Dependencies.ContainsKey("next"))
            return "nextjs";
        foreach (var (dependency, framework) in ServerFrameworks)
        {
            if (manifest.Dependencies.ContainsKey(dependency))
                return framework;
        }
        if (manifest.DependsOn("react-scripts"))
            return "create-react-app";
        if (manifest.DependsOn("vite") && manifest.Scripts.TryGetValue("build", out var build) && build.Contains("vite build", StringComparison.Ordinal))
            return "vite";
        return null;
    }

    private static string SkipReason(PackageJson manifest, NodeWorkspaces workspaces, string folder)
    {
        if (workspaces.Roots.Contains(folder))
            return $"{manifest.File}: workspace root (its members are scanned on their own)";
        var tools = manifest.AllDependencyNames.Take(6).ToList();
        var has = tools.Count == 0 ? "no dependencies" : "only " + string.Join(", ", tools) + (manifest.AllDependencyNames.Count() > 6 ? ", …" : "");
        return $"{manifest.File}: not a web service ({has}; no web framework — next, express, fastify, koa, @nestjs/core, hono, vite, react-scripts — and no start script running a server that listens): tooling or a library";
    }

    private static Dictionary<string, JsModuleFacts> SourceFiles(SourceTree tree, string folder, List<string> ownedFolders)
    {
        var modules = new Dictionary<string, JsModuleFacts>(StringComparer.Ordinal);
        foreach (var file in tree.Files)
        {
            if (!RelativePath.IsAtOrBelow(file, folder) || ownedFolders.Any(o => RelativePath.IsAtOrBelow(file, o)))
                continue;
            if (!SourceExtensions.Any(e => file.EndsWith(e, StringComparison.Ordinal)) || file.EndsWith(".d.ts", StringComparison.Ordinal) || IsTestFile(file))
                continue;
            var text = tree.ReadSource(file);
            if (text is not null)
                modules[file] = JsModuleReader.Read(file, text);
        }
        return modules;
    }

    /// <summary>
    /// Tests, stories and the configuration of test and lint tools: the running app never reads them, so their variables
    /// (<c>process.env.CI</c> in playwright.config.ts) are not the service's.
    /// </summary>
    private static bool IsTestFile(string file)
    {
        var name = RelativePath.FileName(file);
        return name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal) ||
               name.Contains(".stories.", StringComparison.Ordinal) || ToolConfigPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) ||
               file.Split('/').Any(s => s is "__tests__" or "test" or "tests" or "e2e" or "cypress" or "coverage" or ".storybook" or "playwright");
    }

    private static readonly string[] ToolConfigPrefixes =
    [
        "playwright.config.", "playwright-ct.config.", "vitest.config.", "vitest.workspace.", "jest.config.", "jest.setup.", "cypress.config.",
        "karma.conf.", "eslint.config.", ".eslintrc.", "prettier.config.", ".prettierrc.", "stylelint.config.", "commitlint.config.", "lint-staged.config.",
    ];

    private static ServiceProfile Profile(SourceTree tree, string folder, PackageJson manifest, string framework, Dictionary<string, JsModuleFacts> sources, NodeWorkspaces workspaces)
    {
        var evidence = new List<Evidence>();
        var notes = new List<string>();
        var workspaceRoot = workspaces.RootOf(folder);
        var kind = framework switch
        {
            "nextjs" => "next",
            "vite" or "create-react-app" => "static",
            _ => "server",
        };
        evidence.Add(new Evidence($"framework {framework}", manifest.File, FrameworkLine(manifest, framework)));

        var version = NodeVersionResolver.Resolve(tree, manifest, folder);
        evidence.Add(version.Evidence);
        var manager = NodePackageManager.Resolve(tree, manifest, folder, workspaceRoot);
        evidence.Add(manager.Evidence);
        if (manager.Name == "npm" && manager.LockFile is { } npmLock && npmLock.EndsWith("package-lock.json", StringComparison.Ordinal))
            NodePackageManager.CheckNpmLock(tree, manifest, npmLock, workspaceRoot is null ? "." : RelativePath.Under(folder, workspaceRoot));

        // Next.js config: output mode, basePath, env keys that are inlined at build time.
        NextConfig? next = null;
        if (kind == "next")
        {
            next = NextConfig.Read(tree, folder);
            if (next.File is { } configFile)
            {
                if (next.Output is not null)
                    evidence.Add(new Evidence($"Next.js output '{next.Output}'", configFile, next.OutputLine));
                if (next.BasePath is not null)
                    evidence.Add(new Evidence($"Next.js basePath '{next.BasePath}'", configFile, next.BasePathLine));
            }
            if (next.Output == "export")
                kind = "static";
        }

        var scripts = manifest.Scripts;
        string? buildScript = scripts.ContainsKey("build") ? "build" : null;
        if (buildScript is not null)
            evidence.Add(new Evidence($"build script \"{scripts["build"]}\"", manifest.File, manifest.LineOf("scripts.build")));

        var (port, portIsDefault) = Port(kind, manifest, sources, evidence, notes);
        var health = Health(kind, framework, folder, next, sources, evidence);
        var env = Env(kind, framework, next, sources);
        var sigterm = sources.Values.Where(m => m.SigtermHandlerLine is not null).Select(m => $"{m.File}:{m.SigtermHandlerLine}").FirstOrDefault();
        if (sigterm is not null)
            evidence.Add(new Evidence("handles SIGTERM itself", sigterm[..sigterm.LastIndexOf(':')], int.Parse(sigterm[(sigterm.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)));

        string? entry = null;
        if (kind == "server")
        {
            entry = Entry(tree, folder, manifest, sources, evidence);
            if (entry is null)
                throw new InputException(manifest.File, manifest.LineOf("scripts") is > 0 and var l ? l : 0,
                    $"{framework} service without an entry Berth can run with node: add a start script (\"start\": \"node server.js\"), a main field, or a build script that writes dist/main.js");
        }

        string? staticOutput = kind == "static" ? StaticOutput(tree, folder, manifest, framework, evidence) : null;
        if (kind == "static" && buildScript is null)
            throw new InputException(manifest.File, manifest.LineOf("scripts") is > 0 and var s ? s : 0, $"{framework} app without a build script: a static site is served from what the build writes");

        var native = NativeModuleNames.Where(manifest.Dependencies.ContainsKey).ToList();
        var writable = new List<WritablePath>();
        if (kind == "next")
            writable.Add(new WritablePath(".next/cache", "Next.js writes its image-optimisation and fetch/ISR cache there at run time", next?.File ?? manifest.File));

        var name = ServiceName(manifest.Name, folder, tree.Root);
        return new ServiceProfile
        {
            Name = name,
            Path = folder,
            BuildContext = workspaceRoot ?? folder,
            Runtime = new RuntimeInfo("node", version.Major, version.Source, version.Constraint),
            Framework = framework,
            Port = port,
            PortIsDefault = portIsDefault,
            Health = health,
            Env = env,
            PackageManager = manager.Name,
            LockFile = manager.LockFile,
            ManifestFile = manifest.File,
            Dependencies = manifest.Dependencies.Keys.Order(StringComparer.Ordinal).ToList(),
            Evidence = evidence,
            Notes = notes,
            WorkspaceRoot = workspaceRoot,
            StartCommand = scripts.TryGetValue("start:prod", out var startProd) ? startProd : scripts.GetValueOrDefault("start"),
            WritablePaths = writable,
            Node = new NodeFacts
            {
                Kind = kind,
                PackageName = manifest.Name,
                PackageManagerVersion = manager.Version,
                YarnBerry = manager.YarnBerry,
                Scripts = scripts,
                BuildScript = buildScript,
                Entry = entry,
                NextConfigFile = next?.File,
                NextOutput = next?.Output,
                BasePath = next?.BasePath,
                NextRouter = kind is "next" or "static" && framework == "nextjs" ? NextRouter(tree, folder) : null,
                StaticOutput = staticOutput,
                SigtermHandler = sigterm,
                HasPublicFolder = tree.Files.Any(f => RelativePath.IsAtOrBelow(f, RelativePath.Join(folder, "public"))),
                WorkspaceMembers = workspaceRoot is null ? [] : workspaces.MembersOf(workspaceRoot),
                WorkspaceTool = workspaceRoot is null ? null : workspaces.ToolOf(workspaceRoot),
                NativeModules = native,
            },
        };
    }

    /// <summary>
    /// The folder a static site's build writes, relative to the service folder: CRA's build, Next export's out, SvelteKit's
    /// adapter-static build, Vite's <c>build.outDir</c> (which may point outside the package) or its default dist.
    /// </summary>
    private static string StaticOutput(SourceTree tree, string folder, PackageJson manifest, string framework, List<Evidence> evidence)
    {
        switch (framework)
        {
            case "create-react-app":
                return "build";
            case "nextjs":
                return "out";
        }
        if (manifest.DependsOn("@sveltejs/adapter-static"))
        {
            evidence.Add(new Evidence("static output build (SvelteKit adapter-static)", manifest.File, manifest.LineOf("devDependencies.@sveltejs/adapter-static")));
            return "build";
        }
        var vite = ViteConfig.Read(tree, folder);
        if (vite.OutDir is { } outDir)
        {
            evidence.Add(new Evidence($"static output {outDir} (Vite build.outDir)", vite.File!, vite.OutDirLine));
            return outDir.StartsWith("./", StringComparison.Ordinal) ? outDir[2..] : outDir;
        }
        return "dist";
    }

    private static int FrameworkLine(PackageJson manifest, string framework)
    {
        var dependency = framework switch
        {
            "nextjs" => "next",
            "nestjs" => "@nestjs/core",
            "create-react-app" => "react-scripts",
            "node" => null,
            _ => framework,
        };
        if (dependency is null)
            return manifest.LineOf("scripts.start");
        var line = manifest.LineOf("dependencies." + dependency);
        return line > 0 ? line : manifest.LineOf("devDependencies." + dependency);
    }

    private static (int Port, bool IsDefault) Port(string kind, PackageJson manifest, Dictionary<string, JsModuleFacts> sources, List<Evidence> evidence, List<string> notes)
    {
        if (kind == "static")
        {
            evidence.Add(new Evidence($"port {StaticServerPort} (the static file server Berth writes; ≥ 1024 so a non-root user may bind it)", manifest.File, 0));
            return (StaticServerPort, true);
        }
        if (kind == "next")
        {
            var start = manifest.Scripts.GetValueOrDefault("start") ?? "";
            if (ScriptPort(start) is { } scripted)
            {
                evidence.Add(new Evidence($"port {scripted} (start script \"{start}\")", manifest.File, manifest.LineOf("scripts.start")));
                return (scripted, false);
            }
            evidence.Add(new Evidence($"port {DefaultNextPort} (Next.js default)", manifest.File, 0));
            return (DefaultNextPort, true);
        }
        foreach (var module in sources.Values)
        {
            foreach (var call in module.ListenCalls.Where(c => c.Port is not null))
            {
                evidence.Add(new Evidence($"port {call.Port} ({(call.ReadsPortVariable ? "PORT, else the literal" : "listen call")})", module.File, call.Line));
                return (call.Port!.Value, false);
            }
        }
        notes.Add($"no listen(port) call with a literal port was found; assuming {DefaultServerPort} (set PORT or pass --port)");
        evidence.Add(new Evidence($"port {DefaultServerPort} (default: no listen call with a port literal)", manifest.File, 0));
        return (DefaultServerPort, true);
    }

    /// <summary>"next start -p 4000" / "--port=4000" → 4000.</summary>
    private static int? ScriptPort(string script)
    {
        var words = script.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            string? value = words[i] is "-p" or "--port" && i + 1 < words.Length ? words[i + 1]
                : words[i].StartsWith("--port=", StringComparison.Ordinal) ? words[i][7..] : null;
            if (value is not null && int.TryParse(value, out var port) && port is > 0 and < 65536)
                return port;
        }
        return null;
    }

    private static IReadOnlyList<HealthRoute> Health(string kind, string framework, string folder, NextConfig? next, Dictionary<string, JsModuleFacts> sources, List<Evidence> evidence)
    {
        var routes = new List<(HealthRoute Route, int Rank)>();
        if (kind == "static")
        {
            var index = RelativePath.Join(folder, framework == "create-react-app" ? "public/index.html" : "index.html");
            var route = new HealthRoute("/", ["GET", "HEAD"], framework == "nextjs" ? "index.html (Next.js export)" : index);
            evidence.Add(new Evidence("health / GET+HEAD (the SPA's index.html, served by the static server)", framework == "nextjs" ? folder : index, 0));
            return [route];
        }
        if (kind == "next")
        {
            foreach (var module in sources.Values)
            {
                var path = NextRoutePath(RelativePath.Under(module.File, folder), module);
                if (path is null || HealthPaths.Rank(path) is not { } rank)
                    continue;
                var full = next?.BasePath is { } basePath ? HealthPaths.Join(basePath, path) : path;
                routes.Add((new HealthRoute(full, ["GET", "HEAD"], module.File), rank));
            }
        }
        else
        {
            var prefix = framework == "nestjs" ? sources.Values.Select(m => m.GlobalPrefix).FirstOrDefault(p => p is not null) : null;
            foreach (var module in sources.Values)
            {
                foreach (var route in module.Routes)
                {
                    var path = prefix is null ? route.Path : HealthPaths.Join(prefix, route.Path);
                    if (HealthPaths.Rank(path) is not { } rank || route.Method is not ("get" or "head" or "all"))
                        continue;
                    // Express, Fastify (exposeHeadRoutes), Koa's router and Nest (on Express) answer HEAD for every GET route.
                    IReadOnlyList<string> methods = route.Method == "head" ? ["HEAD"] : ["GET", "HEAD"];
                    routes.Add((new HealthRoute(path, methods, $"{module.File}:{route.Line}"), rank));
                }
            }
        }
        var chosen = routes.OrderBy(r => r.Rank).ThenBy(r => r.Route.Path, StringComparer.Ordinal)
            .GroupBy(r => r.Route.Path, StringComparer.Ordinal).Select(g => g.First().Route).ToList();
        foreach (var route in chosen)
        {
            var (file, line) = SplitSource(route.Source);
            evidence.Add(new Evidence($"health {route.Path} {string.Join("+", route.Methods)}", file, line));
        }
        return chosen;
    }

    private static (string File, int Line) SplitSource(string source)
    {
        var colon = source.LastIndexOf(':');
        return colon > 0 && int.TryParse(source[(colon + 1)..], out var line) ? (source[..colon], line) : (source, 0);
    }

    /// <summary>
    /// The URL path of a Next.js route handler (<c>app/api/health/route.ts</c> exporting GET → /api/health; route groups "(x)" drop out,
    /// dynamic segments are not probes) or pages API route (<c>pages/api/health.ts</c>).
    /// </summary>
    private static string? NextRoutePath(string file, JsModuleFacts module)
    {
        var segments = file.Split('/').ToList();
        if (segments[0] == "src")
            segments.RemoveAt(0);
        if (segments.Count >= 2 && segments[0] == "app" && RelativePath.FileName(file).StartsWith("route.", StringComparison.Ordinal))
        {
            if (!module.Exports.Contains("GET"))
                return null;
            var parts = segments.Skip(1).SkipLast(1).Where(s => !(s.StartsWith('(') && s.EndsWith(')')) && !s.StartsWith('@')).ToList();
            if (parts.Any(p => p.StartsWith('[')))
                return null;
            return "/" + string.Join('/', parts);
        }
        if (segments.Count >= 3 && segments[0] == "pages" && segments[1] == "api" && module.Exports.Contains("default"))
        {
            var last = segments[^1];
            var stem = last[..last.IndexOf('.')];
            var parts = segments.Skip(1).SkipLast(1).Append(stem).Where(p => p != "index").ToList();
            if (parts.Any(p => p.StartsWith('[')))
                return null;
            return "/" + string.Join('/', parts);
        }
        return null;
    }

    private static IReadOnlyList<EnvVariable> Env(string kind, string framework, NextConfig? next, Dictionary<string, JsModuleFacts> sources)
    {
        var byName = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        foreach (var module in sources.Values)
        {
            foreach (var read in module.EnvReads)
            {
                if (read.Name is "NODE_ENV" or "NEXT_RUNTIME" or "NEXT_PHASE" || byName.ContainsKey(read.Name))
                    continue;
                var buildTime = kind == "static" || IsBuildTimeName(read.Name) || (next?.EnvKeys.Contains(read.Name) ?? false);
                var secret = SecretNames.IsSecret(read.Name, read.Default);
                byName[read.Name] = new EnvVariable(read.Name, Required: false, secret, $"{module.File}:{read.Line}", secret ? null : read.Default, buildTime);
            }
        }
        if (next is not null)
        {
            foreach (var key in next.EnvKeys.Where(k => !byName.ContainsKey(k)))
                byName[key] = new EnvVariable(key, false, SecretNames.IsSecret(key), $"{next.File}:{next.EnvLine}", null, BuildTime: true);
        }
        return byName.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Variables a bundler inlines into the client code when it builds: changing them when the container starts changes nothing.</summary>
    public static bool IsBuildTimeName(string name) =>
        name.StartsWith("NEXT_PUBLIC_", StringComparison.Ordinal) || name.StartsWith("VITE_", StringComparison.Ordinal) || name.StartsWith("REACT_APP_", StringComparison.Ordinal);

    private static string? EntryFromScripts(PackageJson manifest)
    {
        foreach (var script in new[] { "start:prod", "start" })
        {
            if (!manifest.Scripts.TryGetValue(script, out var command))
                continue;
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0] == "node")
            {
                var file = words.Skip(1).FirstOrDefault(w => !w.StartsWith('-'));
                if (file is not null)
                    return file.StartsWith("./", StringComparison.Ordinal) ? file[2..] : file;
            }
        }
        return null;
    }

    private static string? Entry(SourceTree tree, string folder, PackageJson manifest, Dictionary<string, JsModuleFacts> sources, List<Evidence> evidence)
    {
        if (EntryFromScripts(manifest) is { } scripted)
        {
            var script = manifest.Scripts.ContainsKey("start:prod") && manifest.Scripts["start:prod"].Contains(scripted, StringComparison.Ordinal) ? "start:prod" : "start";
            evidence.Add(new Evidence($"entry {scripted} ({script} script)", manifest.File, manifest.LineOf("scripts." + script)));
            return scripted;
        }
        var build = manifest.Scripts.GetValueOrDefault("build") ?? "";
        var compiles = build.Contains("tsc", StringComparison.Ordinal) || build.Contains("nest build", StringComparison.Ordinal);
        if (compiles && tree.Exists(RelativePath.Join(folder, "src/main.ts")))
        {
            evidence.Add(new Evidence($"entry dist/main.js (build script \"{build}\" compiles src/main.ts)", manifest.File, manifest.LineOf("scripts.build")));
            return "dist/main.js";
        }
        if (manifest.Main is { } main && (tree.Exists(RelativePath.Join(folder, main)) || compiles))
        {
            evidence.Add(new Evidence($"entry {main} (main field)", manifest.File, manifest.LineOf("main")));
            return main.StartsWith("./", StringComparison.Ordinal) ? main[2..] : main;
        }
        var listening = sources.Values.FirstOrDefault(m => m.ListenCalls.Count > 0 && m.File.EndsWith(".js", StringComparison.Ordinal) || m.ListenCalls.Count > 0 && m.File.EndsWith(".mjs", StringComparison.Ordinal));
        if (listening is not null)
        {
            var relative = RelativePath.Under(listening.File, folder);
            evidence.Add(new Evidence($"entry {relative} (the file that calls listen)", listening.File, listening.ListenCalls[0].Line));
            return relative;
        }
        return null;
    }

    private static string NextRouter(SourceTree tree, string folder)
    {
        bool Has(string sub) => tree.Files.Any(f => RelativePath.IsAtOrBelow(f, RelativePath.Join(folder, sub)) || RelativePath.IsAtOrBelow(f, RelativePath.Join(folder, "src/" + sub)));
        return (Has("app"), Has("pages")) switch
        {
            (true, true) => "app+pages",
            (false, true) => "pages",
            _ => "app",
        };
    }

    private static string ServiceName(string? packageName, string folder, string root)
    {
        var raw = packageName is { } p ? p[(p.LastIndexOf('/') + 1)..] : folder == "." ? Path.GetFileName(root) : RelativePath.FileName(folder);
        var chars = raw.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var name = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 ? "app" : name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }
}
