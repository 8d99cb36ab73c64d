using Berth.Apps.Links;
using Berth.Apps.Python.Manifests;
using Berth.Apps.Python.Source;
using Berth.Apps.Python.Stated;

namespace Berth.Apps.Python;

/// <summary>
/// Finds every Python web service under a root and builds its profile: a folder is a service when it holds a
/// dependency manifest and, below it, a server entrypoint (a framework app object, a factory, or a Django project).
/// </summary>
public sealed class PythonServiceDetector : IServiceDetector
{
    public const int DefaultPort = 8000;

    private static readonly string[] ManifestNames = ["pyproject.toml", "requirements.txt", "Pipfile", "setup.py", "setup.cfg", "manage.py"];

    public string Language => "python";

    /// <summary>Scans a tree for Python services only (exit-2 input error when there is none).</summary>
    public static ScanResult Scan(string root) => RepositoryScanner.Scan(root, [new PythonServiceDetector()]);

    public DetectedServices Detect(SourceTree tree)
    {
        var modules = ReadModules(tree);
        var manifestFolders = ManifestFolders(tree);
        // A sub-package the Dockerfile installs beside its folder's requirements belongs to that folder's service.
        var localInstalls = DockerfileLocalInstalls.Find(tree)
            .Where(i => manifestFolders.Contains(i.ServiceFolder) && manifestFolders.Contains(i.PackageFolder))
            .ToList();
        manifestFolders.ExceptWith(localInstalls.Select(i => i.PackageFolder));

        var candidates = new List<EntrypointCandidate>();
        foreach (var module in modules.Values)
            candidates.AddRange(EntrypointCandidate.From(module, tree));
        candidates.AddRange(FactoryBuiltApps.Find(modules.Values, candidates));
        candidates = candidates.Select(c => c with { ServicePath = ServiceRoot(c.Module.File, manifestFolders) ?? "." }).ToList();
        candidates.RemoveAll(c => IsMounted(c, modules.Values));

        var services = new List<ServiceProfile>();
        var skipped = new List<SkippedFolder>();
        var notes = new List<string>();
        var serviceRoots = new HashSet<string>(StringComparer.Ordinal);

        foreach (var group in candidates
                     .Select(c => (Candidate: c, Root: ServiceRoot(c.Module.File, manifestFolders)))
                     .GroupBy(x => x.Root, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.Key is null)
            {
                foreach (var (candidate, _) in group.Where(x => !IsTestFile(x.Candidate.Module.File)))
                    skipped.Add(new SkippedFolder(ParentOf(candidate.Module.File),
                        $"{candidate.Module.File}:{candidate.Line} defines a {candidate.Framework.Name} app, but no requirements.txt, pyproject.toml or Pipfile was found above it"));
                continue;
            }
            serviceRoots.Add(group.Key);
            services.Add(Profile(tree, group.Key, group.Select(x => x.Candidate).ToList(), modules,
                localInstalls.Where(i => i.ServiceFolder == group.Key).ToList()));
        }

        foreach (var folder in manifestFolders.OrderBy(f => f, StringComparer.Ordinal))
        {
            if (serviceRoots.Contains(folder) || serviceRoots.Any(s => IsBelow(folder, s)) || serviceRoots.Any(s => IsBelow(s, folder)))
                continue;
            if (IsTestPath(folder))
                continue;
            skipped.Add(new SkippedFolder(folder, SkipReason(tree, folder, modules)));
        }

        return new DetectedServices(services, skipped, notes);
    }

    private static Dictionary<string, PythonModuleFacts> ReadModules(SourceTree tree)
    {
        var modules = new Dictionary<string, PythonModuleFacts>(StringComparer.Ordinal);
        foreach (var file in tree.Files)
        {
            if (!file.EndsWith(".py", StringComparison.Ordinal))
                continue;
            var text = tree.ReadSource(file);
            if (text is not null)
                modules[file] = PythonModuleReader.Read(file, text);
        }
        InheritedSettings.Resolve(modules);
        return modules;
    }

    private static HashSet<string> ManifestFolders(SourceTree tree)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in tree.Files)
        {
            var name = FileName(file);
            var folder = ParentOf(file);
            if (ManifestNames.Contains(name, StringComparer.Ordinal) || IsRequirementsFile(name))
                folders.Add(folder);
            else if (FileName(folder) == "requirements" && name.EndsWith(".txt", StringComparison.Ordinal))
                folders.Add(ParentOf(folder));
        }
        return folders;
    }

    private static bool IsRequirementsFile(string name) =>
        name.EndsWith(".txt", StringComparison.Ordinal) &&
        (name.StartsWith("requirements-", StringComparison.Ordinal) || name.StartsWith("requirements_", StringComparison.Ordinal) || name == "requirements.txt");

    /// <summary>The nearest folder at or above the file's folder that holds a dependency manifest.</summary>
    private static string? ServiceRoot(string file, HashSet<string> manifestFolders)
    {
        for (var folder = ParentOf(file); ; folder = ParentOf(folder))
        {
            if (manifestFolders.Contains(folder))
                return folder;
            if (folder == ".")
                return null;
        }
    }

    private static ServiceProfile Profile(SourceTree tree, string servicePath, List<EntrypointCandidate> candidates, Dictionary<string, PythonModuleFacts> modules,
        IReadOnlyList<LocalPackageInstall> localInstalls)
    {
        var evidence = new List<Evidence>();
        var notes = new List<string>();
        var serviceModules = modules.Values
            .Where(m => IsAtOrBelow(m.File, servicePath) && !IsTestFile(Relative(m.File, servicePath)))
            .ToList();

        var procfile = ReadProcfile(tree, servicePath);
        var stated = StatedStartReader.Read(tree, servicePath);
        var chosen = ChooseEntrypoint(candidates, servicePath, procfile, stated, serviceModules, evidence);

        var manifests = PythonManifestReader.Read(tree.Root, servicePath)
            ?? throw new InputException(servicePath, 0, "no dependency manifest found for this service");
        evidence.AddRange(manifests.Evidence);
        var localPackages = LocalPackages.Of(tree, localInstalls, manifests, evidence);
        manifests = localPackages.Manifests;

        var importRoot = localPackages.ImportRootOf(chosen.Module.File, servicePath) ?? ImportRoot(tree, chosen.Module.File, servicePath, manifests);
        var entrypoint = chosen.Reference(importRoot);
        evidence.Add(new Evidence($"{chosen.Framework.Name} app '{chosen.Attribute}' → entrypoint {entrypoint}", chosen.Module.File, chosen.Line));
        if (importRoot != ".")
            evidence.Add(new Evidence($"import root '{importRoot}' (package root)", JoinPath(servicePath, importRoot), 0));

        var version = StatedPython(PythonVersionResolver.Resolve(tree.Root, servicePath, manifests), stated, notes);
        version = LockedWheelVersion.Choose(version, manifests, evidence, notes);
        evidence.Add(new Evidence($"Python {version.Version} from {version.Source}", version.File ?? servicePath, version.Line));

        var dependencies = manifests.Dependencies.Select(d => d.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var (server, serverEvidence) = ChooseServer(chosen.Framework, dependencies, procfile, manifests);
        evidence.Add(serverEvidence);

        var (port, portEvidence, portIsDefault) = procfile?.Port is null && stated.Port is { } statedPort
            ? (statedPort, stated.PortSource!, false)
            : ChoosePort(procfile, chosen, serviceModules, servicePath, stated);
        evidence.Add(portEvidence);

        var health = HealthRoutes(chosen.Framework, serviceModules, evidence, notes);
        if (health.Count == 0 && StatedHealthProbe.Find(tree, servicePath) is { } probe)
        {
            // the code declares no health route, but the repository's own health check names the one that answers
            health = [new HealthRoute(probe.Path, ["GET"], $"{probe.Source.File}:{probe.Source.Line}")];
            evidence.Add(probe.Source);
            notes.Add($"{probe.Path} is the route the repository's own health check probes ({probe.Source.File}:{probe.Source.Line}); no route in the code is named like a health route: probes use it with GET");
        }
        foreach (var route in health)
            evidence.Add(new Evidence($"health route {route.Path} answers {string.Join(", ", route.Methods)}", route.Source.Split(':')[0], int.Parse(route.Source.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)));
        if (health.Count == 0)
            notes.Add("no health route found (/health, /healthz, /livez, /ready...): HEALTHCHECK and probes fall back to a TCP check; add a cheap GET+HEAD /health route");
        else if (!health[0].Methods.Contains("HEAD"))
            notes.Add($"{health[0].Path} does not answer HEAD ({chosen.Framework.Name} answers HEAD only where it is declared); load balancers and uptime checks that send HEAD get 405 — declare methods=[\"GET\", \"HEAD\"]");

        var (env, settingsFields) = EnvVariables(serviceModules, notes);
        var selector = ConfigSelectorReader.Find(serviceModules, settingsFields);
        if (selector is not null)
            ConfigSelection(selector, env, evidence, notes);
        var settingsEnvFiles = serviceModules.SelectMany(m => m.SettingsClasses).Select(c => c.EnvFile).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var serverOptions = StatedServerOptions.Choose(procfile, stated, evidence, notes);
        foreach (var option in serverOptions.Where(o => o.Variable is { } v && env.All(e => e.Name != v)))
            env.Add(new EnvVariable(option.Variable!, false, false, option.Source, option.Literal));
        env = env.OrderByDescending(e => e.Required).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();

        var django = chosen.DjangoApplication is not null
            ? DjangoSettingsReader.Read(serviceModules, servicePath, JoinPath(servicePath, importRoot), chosen.Module.File, chosen.DjangoApplication, evidence, notes)
            : null;
        if (django is { SettingsModuleDiffersFromDefault: true })
        {
            // .env.example, the ConfigMap and compose show this default: they must not put the development settings back over the image's ENV
            var at = env.FindIndex(e => e.Name == "DJANGO_SETTINGS_MODULE");
            if (at >= 0)
                env[at] = env[at] with { Default = django.SettingsModule };
        }
        var (writable, writableNotes) = new WritablePathResolver(serviceModules, new PythonModuleIndex(modules.Values), servicePath,
            WritablePathResolver.WorkingFolderVariables(tree, servicePath)).Resolve();
        notes.AddRange(writableNotes);
        if (django?.MediaRoot is { } media)
            writable.Insert(0, new WritablePath(media.Value.StartsWith("./", StringComparison.Ordinal) ? media.Value[2..] : media.Value.TrimEnd('/'),
                $"uploads (MEDIA_ROOT of {django.SettingsModule})", media.Source));

        var logFormat = LogFormatDetector.Detect(serviceModules, dependencies);
        if (logFormat is not null)
            evidence.Add(logFormat);

        // The table by name, then the lock's wheel lists: a package the lock has no wheel of for the target builds from source.
        var catalog = NativeLibraryCatalog.For(manifests.Dependencies);
        var fromSource = SourceBuilds.For(manifests.LockedPackages, manifests.LockFile, version.Version);
        var native = catalog.Where(c => c.BinaryWheel ? fromSource.All(s => s.Dependency != c.Dependency) : true)
            .Concat(fromSource.Where(s => catalog.All(c => c.Dependency != s.Dependency || c.BinaryWheel)))
            .Select(n => new NativeLibraryNeed(n.Dependency, n.BuildPackages, n.RuntimePackages, n.BinaryWheel, n.Reason))
            .ToList();

        return new ServiceProfile
        {
            Name = ServiceName(manifests.ProjectName ?? localPackages.ProjectName, servicePath, tree.Root),
            Path = servicePath,
            BuildContext = BuildContext(servicePath, manifests),
            Runtime = new RuntimeInfo("python", version.Version, version.Source, version.Source is "requires-python" or "poetry python" ? manifests.RequiresPython : null),
            Framework = chosen.Framework.Name,
            Port = port,
            PortIsDefault = portIsDefault,
            Health = health,
            Env = env,
            LogFormat = logFormat is null ? null : LogFormatDetector.Json,
            PackageManager = manifests.PackageManager.ToString().ToLowerInvariant(),
            LockFile = manifests.LockFile,
            ManifestFile = manifests.ManifestFile,
            Dependencies = dependencies,
            NativeLibraries = native,
            Evidence = evidence,
            Notes = notes,
            WorkspaceRoot = manifests.WorkspaceRoot,
            StartCommand = procfile?.Command ?? stated.Server?.Command,
            WritablePaths = writable
                .DistinctBy(w => w.Path)
                .OrderBy(w => w.Path, StringComparer.Ordinal)
                .ToList(),
            Migrations = MigrationDetector.Detect(tree, servicePath, chosen.Framework, dependencies, procfile, stated, serviceModules),
            Python = new PythonFacts
            {
                Interface = chosen.Framework.Interface,
                Entrypoint = entrypoint,
                ImportRoot = importRoot,
                Server = server,
                RequirementFiles = manifests.ProductionRequirementFiles,
                DevRequirementFiles = manifests.DevelopmentRequirementFiles,
                InstallInputs = manifests.InstallInputs,
                LocalPackages = localPackages.Installs,
                PackagingImports = serviceModules
                    .Where(m => FileName(m.File) != "setup.py") // a package's build script, run by pip at install time, never by the app
                    .SelectMany(m => m.Imports.Where(i => i.Module.Split('.')[0] is "pip" or "setuptools" or "pkg_resources" or "_distutils_hack" or "wheel")
                        .Select(i => new PackagingImport(i.Module, m.File, i.Line)))
                    .OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line)
                    .ToList(),
                BroughtServers = BroughtServers.Find(manifests.Dependencies, manifests.LockedPackages, manifests.LockFile),
                LockedVersions = manifests.LockedPackages.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Version, StringComparer.Ordinal),
                WorkspaceMembers = manifests.WorkspaceRoot is { } workspaceRoot && manifests.PackageManager == PythonPackageManager.Uv
                    ? UvWorkspaceMembers.Find(tree.Root, workspaceRoot)
                    : [],
                ProjectName = manifests.ProjectName,
                Django = django,
                ServerOptions = serverOptions,
                ConfigSelector = selector,
                SettingsEnvFiles = settingsEnvFiles.Count > 0 ? settingsEnvFiles : null,
                ServedFolders = ServedFolders.Resolve(servicePath, serviceModules),
            },
        };
    }

    private static string BuildContext(string servicePath, PythonManifests manifests)
    {
        // The lock (or workspace root) may sit above the service: the build context must reach it.
        var context = manifests.WorkspaceRoot ?? manifests.ProjectRoot;
        return IsAtOrBelow(servicePath, context) ? context : servicePath;
    }

    private static ProcfileWeb? ReadProcfile(SourceTree tree, string servicePath)
    {
        var path = JoinPath(servicePath, "Procfile");
        return tree.Exists(path) ? ProcfileWeb.Read(path, tree.ReadManifest(path)) : null;
    }

    /// <summary>
    /// The Python minor: a version file wins; otherwise the image the repository's own Dockerfile builds on, when Berth supports it
    /// (or it is newer) and it is not past end of life, over a minor chosen from a range or Berth's default.
    /// </summary>
    private static PythonVersionChoice StatedPython(PythonVersionChoice resolved, StatedStart stated, List<string> notes)
    {
        if (resolved.Source is not ("requires-python" or "poetry python" or "default") || stated.PythonMinor is not { } minor || minor == resolved.Version)
            return resolved;
        var supported = PythonVersionResolver.SupportedMinors;
        var minorNumber = int.Parse(minor[2..], System.Globalization.CultureInfo.InvariantCulture);
        var oldest = int.Parse(supported[0][2..], System.Globalization.CultureInfo.InvariantCulture);
        if (minorNumber < oldest)
        {
            notes.Add($"{stated.PythonSource!.File}:{stated.PythonSource.Line}: the repository's Dockerfile builds on Python {minor}, which is past its end of life; Berth uses {resolved.Version} ({resolved.Source}) — test the app on it");
            return resolved;
        }
        return new PythonVersionChoice(minor, "Dockerfile", stated.PythonSource!.File, stated.PythonSource.Line);
    }

    private static EntrypointCandidate ChooseEntrypoint(List<EntrypointCandidate> candidates, string servicePath, ProcfileWeb? procfile, StatedStart stated,
        IReadOnlyList<PythonModuleFacts> serviceModules, List<Evidence> evidence)
    {
        var live = candidates.Where(c => !IsTestFile(Relative(c.Module.File, servicePath))).ToList();
        if (live.Count == 0)
            live = candidates;

        // A Procfile web process, or a server call in code (uvicorn.run("pkg.main:app")), names the app to serve.
        var named = new List<(string Reference, Evidence Evidence)>();
        if (procfile?.AppReference is { } procRef)
            named.Add((procRef, new Evidence($"Procfile web process serves {procRef}", procfile.File, procfile.Line)));
        if (stated.Server?.AppReference is { } statedRef)
            named.Add((statedRef, stated.ServerSource! with { Fact = stated.ServerSource.Fact + $" (serves {statedRef})" }));
        foreach (var module in serviceModules)
        {
            foreach (var call in module.ServerCalls.Where(s => s.AppReference?.Contains(':', StringComparison.Ordinal) == true))
                named.Add((call.AppReference!, new Evidence($"{call.Server}.run serves {call.AppReference}", module.File, call.Line)));
        }
        foreach (var (reference, why) in named)
        {
            var match = live.FirstOrDefault(c => c.Matches(reference));
            if (match is not null)
            {
                evidence.Add(why);
                return match;
            }
        }

        var distinct = live.DistinctBy(c => (c.Module.File, c.Attribute)).ToList();
        if (distinct.Count == 1)
            return distinct[0];

        // Prefer module-level app objects over factories, then the shallowest file.
        var objects = distinct.Where(c => !c.IsFactory).ToList();
        if (objects.Count == 1)
            return objects[0];
        var pool = objects.Count > 0 ? objects : distinct;
        var first = pool[0];
        var second = pool[1];
        throw new InputException(first.Module.File, first.Line,
            $"conflicting entrypoints in service '{servicePath}': '{first.Attribute}' here and '{second.Attribute}' at {second.Module.File}:{second.Line}" +
            (pool.Count > 2 ? $" (and {pool.Count - 2} more)" : "") +
            "; name the one to serve in a Procfile (web: uvicorn pkg.main:app) or mount one app into the other");
    }

    private static string ImportRoot(SourceTree tree, string moduleFile, string servicePath, PythonManifests manifests)
    {
        var relative = Relative(moduleFile, servicePath);
        foreach (var root in manifests.PackageRoots)
        {
            var rootRelative = RelativePath.Within(JoinPath(manifests.ProjectRoot, root.Directory), servicePath);
            if (rootRelative is not null and not "." && IsAtOrBelow(relative, rootRelative))
                return rootRelative;
        }
        // A src/ layout the manifest does not mention: src/ itself is not a package.
        if (relative.StartsWith("src/", StringComparison.Ordinal) && !tree.Exists(JoinPath(servicePath, "src/__init__.py")))
            return "src";
        // Django: manage.py's folder is the import root.
        var folder = ParentOf(relative);
        while (folder != ".")
        {
            if (tree.Exists(JoinPath(servicePath, JoinPath(folder, "manage.py"))))
                return folder;
            folder = ParentOf(folder);
        }
        return ".";
    }

    private static (string Server, Evidence Evidence) ChooseServer(Framework framework, IReadOnlyList<string> dependencies, ProcfileWeb? procfile, PythonManifests manifests)
    {
        var manifest = manifests.ManifestFile ?? manifests.ProductionRequirementFiles.FirstOrDefault() ?? ".";
        int LineOf(string dependency) => manifests.Dependencies.FirstOrDefault(d => d.Name == dependency)?.Line ?? 0;
        if (procfile?.Server is "gunicorn" or "uvicorn")
            return (procfile.Server, new Evidence($"Procfile runs {procfile.Server}", procfile.File, procfile.Line));
        if (dependencies.Contains("gunicorn"))
            return ("gunicorn", new Evidence("gunicorn is a dependency: serve with gunicorn" + (framework.Interface == "asgi" ? " and uvicorn workers" : ""), manifest, LineOf("gunicorn")));
        if (framework.Interface == "wsgi")
            return ("gunicorn", new Evidence($"{framework.Name} is WSGI: serve with gunicorn", manifest, 0));
        return ("uvicorn", new Evidence(dependencies.Contains("uvicorn") ? "uvicorn is a dependency: one uvicorn process per container (Kubernetes scales by replicas)" : "ASGI app: uvicorn, one process per container", manifest, LineOf("uvicorn")));
    }

    private static (int Port, Evidence Evidence, bool IsDefault) ChoosePort(ProcfileWeb? procfile, EntrypointCandidate chosen, IReadOnlyList<PythonModuleFacts> modules, string servicePath, StatedStart stated)
    {
        if (procfile?.Port is { } procPort)
            return (procPort, new Evidence($"port {procPort} from the Procfile web process", procfile.File, procfile.Line), false);
        var calls = modules.SelectMany(m => m.ServerCalls.Select(c => (Module: m, Call: c)))
            .OrderByDescending(x => x.Module.File == chosen.Module.File)
            .ThenByDescending(x => x.Call.InMainGuard);
        foreach (var (module, call) in calls)
        {
            if (call.Port is { } port)
                return (port, new Evidence(call.PortEnvVar is null ? $"port {port} in {call.Server}.run(...)" : $"port from ${call.PortEnvVar}, default {port}, in {call.Server}.run(...)", module.File, call.Line), false);
        }
        foreach (var module in modules)
        {
            foreach (var read in module.EnvReads.Where(r => r.Name == "PORT"))
            {
                if (int.TryParse(read.Default, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
                    return (port, new Evidence($"port from $PORT, default {port}", module.File, read.Line), false);
            }
            foreach (var settings in module.SettingsClasses)
            {
                var field = settings.Fields.FirstOrDefault(f => string.Equals(f.Alias ?? f.Name, "port", StringComparison.OrdinalIgnoreCase));
                if (field?.Default is { } d && int.TryParse(d, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
                    return (port, new Evidence($"port from settings field {settings.Name}.{field.Name}, default {port}", field.File ?? module.File, field.Line), false);
            }
        }
        // An EXPOSE (or gunicorn.conf bind) is weaker than the code: lint compares a Dockerfile's EXPOSE with the app's port.
        if (stated.ExposedPort is { } exposed)
            return (exposed, stated.ExposedPortSource!, false);
        return (DefaultPort, new Evidence($"no port in code, Procfile, start command or settings: default {DefaultPort}", servicePath, 0), true);
    }

    private static List<HealthRoute> HealthRoutes(Framework framework, IReadOnlyList<PythonModuleFacts> modules, List<Evidence> evidence, List<string> notes)
    {
        var found = new Dictionary<string, (HashSet<string> Methods, string Source, int Rank)>(StringComparer.Ordinal);
        var prefixes = new RoutePrefixes(modules);
        foreach (var module in modules)
        {
            foreach (var route in module.Routes)
            {
                var unresolvedBefore = prefixes.Unresolved.Count;
                var path = HealthPaths.Join(prefixes.For(module, route), route.Path);
                if (prefixes.Unresolved.Count > unresolvedBefore && HealthPaths.Rank(path) is not null)
                    notes.Add($"{module.File}:{route.Line}: the health route {path} is partial: its router is included with a prefix Berth cannot resolve to a literal ({string.Join(", ", prefixes.Unresolved.Skip(unresolvedBefore))}); check the path before probing it");
                if (HealthPaths.Rank(path) is not { } rank)
                    continue;
                var methods = framework.MethodsAnswered(route.Declaration, route.Methods);
                if (methods.Count == 0)
                    continue;
                if (found.TryGetValue(path, out var existing))
                    existing.Methods.UnionWith(methods);
                else
                    found[path] = (new HashSet<string>(methods, StringComparer.Ordinal), $"{module.File}:{route.Line}", rank);
            }
        }
        foreach (var resolved in prefixes.Resolved.DistinctBy(e => (e.File, e.Line)))
            evidence.Add(resolved);
        return found
            .OrderBy(kv => kv.Value.Rank).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new HealthRoute(kv.Key, framework.MethodsAnswered("api_route", kv.Value.Methods.ToList()), kv.Value.Source))
            .ToList();
    }

    internal static bool IncludesRouter(PythonModuleFacts including, RouterInclusion inclusion, PythonModuleFacts routerModule, string routerModuleName, string routerVariable)
    {
        var expression = inclusion.RouterExpression;
        if (including.File == routerModule.File)
            return expression == routerVariable;
        var lastDot = expression.LastIndexOf('.');
        var variable = lastDot < 0 ? expression : expression[(lastDot + 1)..];
        var qualifier = lastDot < 0 ? null : expression[..lastDot];
        var moduleTail = routerModuleName[(routerModuleName.LastIndexOf('.') + 1)..];
        foreach (var import in including.Imports)
        {
            var imported = import.Module.TrimStart('.');
            if (qualifier is null)
            {
                // from app.routes.health import router  |  from .health import bp as health_bp
                if ((routerModuleName.EndsWith(imported, StringComparison.Ordinal) || imported.Length == 0) && import.Names.Any(n => (n.Alias ?? n.Name) == variable && n.Name == routerVariable))
                    return true;
            }
            else
            {
                if (variable != routerVariable)
                    continue;
                // from app.routes import health; app.include_router(health.router)  |  import app.routes.health as health
                if (import.Names.Any(n => (n.Alias ?? n.Name) == qualifier && n.Name == moduleTail))
                    return true;
                if (import.Names.Count == 0 && (import.Alias ?? import.Module) == qualifier && routerModuleName.EndsWith(imported, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The selector's evidence and notes; the variable's entry shows the choices and, when the default is not the production
    /// choice, the production value (as for DJANGO_SETTINGS_MODULE: .env.example, the ConfigMap and compose must not put the
    /// development configuration back over the image's ENV).
    /// </summary>
    private static void ConfigSelection(ConfigSelector selector, List<EnvVariable> env, List<Evidence> evidence, List<string> notes)
    {
        var (file, line) = SplitSource(selector.Source);
        var picks = selector.DefaultPicks is { } picked ? $" ({picked})" : "";
        evidence.Add(new Evidence($"{selector.Variable} selects the configuration: one of {string.Join(", ", selector.Choices)} ({selector.ChoicesSource}); " +
            (selector.Default is { } d ? $"default '{d}'{picks}" : "no default"), file, line));
        var at = env.FindIndex(e => e.Name == selector.Variable);
        if (at >= 0)
            env[at] = env[at] with { Choices = selector.Choices, Default = selector.ImageMustSet ? selector.ProductionChoice : selector.Default ?? env[at].Default };
        if (selector.ImageMustSet)
            notes.Add($"{selector.Source}: {selector.Variable} selects the configuration; left unset it is '{selector.Default}'{picks}, " +
                $"not production: run with {selector.Variable}={selector.ProductionChoice} (berth init sets it in the image)");
        else if (selector is { Default: null, ProductionChoice: { } production })
            notes.Add($"{selector.Source}: {selector.Variable} selects the configuration (one of {string.Join(", ", selector.Choices)}) and the code has no default: " +
                $"give {selector.Variable}={production} to the production deployment");
        else if (selector.ProductionChoice is null)
            notes.Add($"{selector.Source}: {selector.Variable} selects the configuration (one of {string.Join(", ", selector.Choices)}, {selector.ChoicesSource}) but none is named production/prod/live: set {selector.Variable} for production yourself");
    }

    private static (string File, int Line) SplitSource(string source)
    {
        var colon = source.LastIndexOf(':');
        return (source[..colon], int.Parse(source[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (List<EnvVariable> Env, List<ConfigSelectorReader.NamedField> Fields) EnvVariables(IReadOnlyList<PythonModuleFacts> modules, List<string> notes)
    {
        var fields = new List<ConfigSelectorReader.NamedField>();
        var byName = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        void Add(string name, bool required, string? codeDefault, string source)
        {
            var secret = SecretNames.IsSecret(name, codeDefault);
            var shown = secret ? null : codeDefault;
            if (byName.TryGetValue(name, out var existing))
            {
                byName[name] = existing with
                {
                    Required = existing.Required || required,
                    Default = existing.Default ?? shown,
                    DefaultScheme = existing.DefaultScheme ?? EnvUrl.SchemeOf(codeDefault),
                };
                return;
            }
            byName[name] = new EnvVariable(name, required, secret, source, shown, DefaultScheme: EnvUrl.SchemeOf(codeDefault));
        }

        foreach (var module in modules)
        {
            foreach (var envFile in module.EnvFileReads)
                notes.Add($"{module.File}:{envFile.Line}: {envFile.Call} also reads a .env file; in containers pass variables from the orchestrator (Secrets/ConfigMaps) — .env files are kept out of the image");
            foreach (var read in module.EnvReads)
                Add(read.Name, read.Required, read.Default, $"{module.File}:{read.Line}");
            foreach (var settings in module.SettingsClasses)
            {
                if (settings.EnvFile is { } envFile)
                    notes.Add($"{module.File}:{settings.Line}: {settings.Name} also reads '{envFile}'; in containers pass variables from the orchestrator (Secrets/ConfigMaps) — .env files are kept out of the image");
                foreach (var field in settings.Fields)
                {
                    var name = field.Alias ?? (settings.EnvPrefix ?? "") + field.Name;
                    if (!settings.CaseSensitive)
                        name = name.ToUpperInvariant();
                    var file = field.File ?? module.File;
                    // app_env: AppEnvTypes = AppEnvTypes.prod → "prod"
                    Add(name, !field.HasDefault, field.Default ?? ConfigSelectorReader.EnumValue(field.DefaultMember, modules), $"{file}:{field.Line}");
                    fields.Add(new ConfigSelectorReader.NamedField(field, name, file));
                }
            }
        }
        var env = byName.Values
            .OrderByDescending(e => e.Required)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return (env, fields);
    }

    private static bool IsMounted(EntrypointCandidate candidate, IEnumerable<PythonModuleFacts> modules)
    {
        var moduleName = ModuleName(candidate.Module.File);
        return modules.Any(m => m.Inclusions.Any(i => IncludesRouter(m, i, candidate.Module, moduleName, candidate.Attribute) && !(m.File == candidate.Module.File && i.Target == candidate.Attribute)));
    }

    private static string SkipReason(SourceTree tree, string folder, Dictionary<string, PythonModuleFacts> modules)
    {
        var pyFiles = modules.Keys.Count(f => IsAtOrBelow(f, folder));
        var pyproject = JoinPath(folder, "pyproject.toml");
        if (pyFiles == 0 && tree.Exists(pyproject))
        {
            var text = tree.ReadManifest(pyproject);
            if (!text.Contains("[project]", StringComparison.Ordinal) && !text.Contains("[tool.poetry]", StringComparison.Ordinal))
                return "pyproject.toml holds only tool settings, no project";
        }
        if (pyFiles == 0)
            return "no Python source";
        var workerish = modules.Values.Where(m => IsAtOrBelow(m.File, folder))
            .SelectMany(m => m.Imports).Any(i => i.Module is "celery" or "rq" or "dramatiq" or "arq" || i.Module.StartsWith("celery.", StringComparison.Ordinal));
        return workerish
            ? "a worker (celery/rq/dramatiq/arq) with no web app and no port: not a web service"
            : "no web app object (FastAPI, Starlette, Flask, Quart) or Django project: a library, job or script, not a web service";
    }

    private static string ServiceName(string? projectName, string servicePath, string root)
    {
        var raw = projectName ?? (servicePath == "." ? Path.GetFileName(root) : FileName(servicePath));
        var chars = raw.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var name = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 ? "app" : name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }

    internal static bool IsTestFile(string relative)
    {
        var name = FileName(relative);
        return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name == "conftest.py" || IsTestPath(ParentOf(relative));
    }

    private static bool IsTestPath(string folder) =>
        folder.Split('/').Any(s => s is "tests" or "test" or "testing" or "docs" or "examples");

    internal static string ModuleName(string file) =>
        file.EndsWith("/__init__.py", StringComparison.Ordinal) ? file[..^"/__init__.py".Length].Replace('/', '.') : file[..^3].Replace('/', '.');

    internal static string ParentOf(string path) => RelativePath.Parent(path);

    internal static string FileName(string path) => RelativePath.FileName(path);

    internal static string JoinPath(string folder, string child) => RelativePath.Join(folder, child);

    internal static bool IsAtOrBelow(string path, string folder) => RelativePath.IsAtOrBelow(path, folder);

    private static bool IsBelow(string path, string folder) => path != folder && IsAtOrBelow(path, folder);

    internal static string Relative(string path, string folder) => RelativePath.Under(path, folder);
}
