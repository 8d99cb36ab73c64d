using Berth.Apps;
using Berth.Apps.Links;

namespace Berth.Generation.Compose;

/// <summary>One service as compose sees it: its profile's shared part, its image's contract, and where init writes its Dockerfile.</summary>
public sealed record ComposeInput(ServiceProfile Profile, ContainerContract Container, string Dockerfile);

/// <summary>
/// Decides compose.yaml from the services' shared profile part, their image contracts and the repository's links — never a stack's
/// own plan, so every stack's services are composed the same way.
/// </summary>
public static class ComposePlanner
{
    /// <summary>Seconds between the image's health checks under compose: dependants start as soon as it is healthy.</summary>
    public const int HealthIntervalSeconds = 5;

    public static ComposePlan Plan(IReadOnlyList<ComposeInput> services, RepositoryLinks links, ComposeLayout layout)
    {
        var decisions = new List<string>();
        var names = ComposeServiceNames.For(services.Select(s => s.Profile.Name).ToList());
        var devServices = DevServicesFor(links, names.Values);
        var hostPorts = PublishedPorts.Assign(services);
        var graph = new DependencyGraph();
        var urls = new List<KeyValuePair<string, string>>();

        decisions.Add($"compose.yaml for {services.Count} app{(services.Count == 1 ? "" : "s")}{(devServices.Count == 0 ? "" : " and " + string.Join(", ", devServices.Values.Select(d => d.Name)))}: " +
                      "`docker compose up --build --wait` (Compose v2), `docker-compose up --build -d` (Compose 1.29, Debian 12's docker-compose)");

        var apps = new List<ComposeApp>();
        var migrations = new List<ComposeMigration>();
        var taken = names.Values.Concat(devServices.Values.Select(d => d.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var profile = service.Profile;
            var contract = service.Container;
            var name = names[profile.Name];
            var context = layout.FromCompose(profile.BuildContext);
            var dockerfile = layout.DockerfileFromContext(profile.BuildContext, service.Dockerfile);
            decisions.Add($"{name}: built from {context} with {dockerfile} (the Dockerfile berth init writes), published on 127.0.0.1:{hostPorts[profile.Name]} only" +
                          (hostPorts[profile.Name] != contract.Port ? $" (container port {contract.Port}; {contract.Port} is taken by an earlier service)" : ""));

            // Links: a server-side variable gets the other service's compose name; a build-time one keeps the address a browser uses.
            var environment = new List<KeyValuePair<string, string>>();
            var buildArgs = new List<string>();
            var setByCompose = new HashSet<string>(StringComparer.Ordinal);
            var dependsOn = new List<string>();
            foreach (var link in links.Links.Where(l => l.From == profile.Name && names.ContainsKey(l.To)))
            {
                var target = services.First(s => s.Profile.Name == link.To);
                var url = EnvUrl.Parse(profile.Env.FirstOrDefault(e => e.Name == link.Variable)?.Default);
                var path = url?.Path ?? "";
                var scheme = url?.Scheme is "ws" or "wss" ? "ws" : "http";
                setByCompose.Add(link.Variable);
                if (link.BuildTime)
                {
                    var value = $"{scheme}://localhost:{hostPorts[link.To]}{path}";
                    buildArgs.Add($"{link.Variable}={value}");
                    decisions.Add($"{name}: {link.Variable} is fixed at build time (inlined into the bundle a browser runs), so it stays a build argument: {value}, " +
                                  $"{names[link.To]}'s published address as the browser sees it; a deployment builds with its public URL ({At(link.Evidence)})");
                }
                else
                {
                    var value = $"{scheme}://{names[link.To]}:{target.Container.Port}{path}";
                    environment.Add(new(link.Variable, value));
                    decisions.Add($"{name}: {link.Variable}={value} — reaches {names[link.To]} by its service name on the compose network ({link.Reason}; {At(link.Evidence)})");
                }
                AddDependency(name, names[link.To], $"{link.Variable} links it to {names[link.To]}");
            }

            // Backing services: the URL variables come from the env file, with the placeholder credentials.
            var needs = links.BackingServices.Where(n => n.Service == profile.Name).ToList();
            foreach (var need in needs)
            {
                var dev = devServices[need.Kind];
                foreach (var variable in need.Variables)
                {
                    var url = dev.Url(DriverUrlScheme.For(dev.Kind, profile, variable));
                    setByCompose.Add(variable);
                    var existing = urls.FirstOrDefault(u => u.Key == variable);
                    if (existing.Key is null)
                        urls.Add(new(variable, url));
                    else if (existing.Value != url)
                        decisions.Add($"{name}: {variable} would be {Redacted(url)} but {ComposeLayout.EnvFileName} already sets it to {Redacted(existing.Value)} for another app: set {name}'s value in compose.yaml yourself");
                }
                decisions.Add(need.Variables.Count == 0
                    ? $"{name}: needs {need.Kind} ({need.Reason}) and reads no URL variable Berth knows: {dev.Name} is started, its connection settings are yours to give"
                    : $"{name}: {string.Join(", ", need.Variables)} → {dev.Name} ({need.Reason}), from {ComposeLayout.EnvFileName}");
                AddDependency(name, dev.Name, $"{dev.Name} is its {dev.Kind.DisplayName}");
            }

            foreach (var argument in contract.BuildArguments.Where(a => !buildArgs.Any(b => b.StartsWith(a + "=", StringComparison.Ordinal))))
            {
                var variable = profile.Env.FirstOrDefault(e => e.Name == argument);
                setByCompose.Add(argument);
                if (variable is { Secret: false, Default: { } value })
                    buildArgs.Add($"{argument}={value}");
                else
                    buildArgs.Add(argument);
                decisions.Add($"{name}: {argument} is fixed at build time: build argument {(variable is { Secret: false, Default: { } shown } ? $"{argument}={shown} (the default in code)" : $"{argument}, taken from the environment compose runs in")}" +
                              (variable is { Secret: true } ? " — a secret inlined at build time ends up in the image and the bundle: keep secrets server-side" : ""));
            }

            // The app's own .env only when it must exist: compose 1.29 (and v2 before 2.24) stops when a short-form env_file is missing.
            var envFiles = new List<string>();
            var unset = profile.Env.Where(e => !e.BuildTime && !setByCompose.Contains(e.Name)).ToList();
            var example = RelativePath.Join(profile.Path, ".env.example"); // written by init beside the Dockerfile, under the output root
            if (unset.Any(e => e.Required))
            {
                var envFile = layout.FromCompose(RelativePath.Join(profile.Path, ".env"));
                envFiles.Add(envFile);
                decisions.Add($"{name}: env_file {envFile} (referenced, never copied; create it from {example} — required: {string.Join(", ", unset.Where(e => e.Required).Select(e => e.Name))}); " +
                              "the short form, which Compose 1.29 reads too: the long form with required: false needs Compose 2.24");
            }
            else if (unset.Count > 0)
            {
                decisions.Add($"{name}: no env_file: every variable compose does not set is optional ({string.Join(", ", unset.Select(e => e.Name))}) and keeps its default in code; " +
                              $"to set one, add `env_file: [{layout.FromCompose(RelativePath.Join(profile.Path, ".env"))}]` and create the file from {example}");
            }
            if (needs.Any(n => n.Variables.Count > 0))
                envFiles.Add(ComposeLayout.EnvFileName); // written beside compose.yaml; last, so its URLs win over a .env written for running on the host

            var health = contract.Liveness is { } route ? $"GET {route.Path}" : $"TCP port {contract.Port}";
            decisions.Add($"{name}: healthcheck is the image's own HEALTHCHECK ({health}; one definition, in the Dockerfile), checked every {HealthIntervalSeconds} s under compose so dependants start as soon as it answers");
            var tmpfs = TmpfsMounts.For(contract);
            decisions.Add($"{name}: runs as {contract.Uid}:{contract.Gid} (the image's user), read-only root filesystem with tmpfs at {string.Join(", ", tmpfs.Select(t => t.Split(':')[0]))} owned by it, " +
                          $"all capabilities dropped, no-new-privileges, {contract.GracefulStopSeconds + 5} s to stop (the server's {contract.GracefulStopSeconds} s graceful timeout + 5)");
            foreach (var kept in contract.WritablePaths.Where(WritableMount.KeepsData))
                decisions.Add($"{name}: {kept.Path} is a tmpfs, but the app keeps data there ({kept.Reason}, {kept.Source}): it is lost when the container stops; to keep it, replace the tmpfs entry with a named volume (`volumes: [{name}-data:{kept.Path}]`, owned by {contract.Uid}:{contract.Gid} as the image creates the folder)");

            var app = new ComposeApp
            {
                Name = name,
                Context = context,
                Dockerfile = dockerfile,
                BuildArgs = buildArgs,
                User = $"{contract.Uid}:{contract.Gid}",
                Port = $"127.0.0.1:{hostPorts[profile.Name]}:{contract.Port}",
                EnvFiles = envFiles,
                Environment = environment,
                DependsOn = dependsOn,
                Health = health,
                Tmpfs = tmpfs,
                StopGraceSeconds = contract.GracefulStopSeconds + 5,
            };
            if (contract.MigrationCommand is { } command && profile.Migrations is { } migration)
            {
                var migrate = MigrationServiceName(name, taken);
                taken.Add(migrate);
                var reason = migration.StatedByRepository ? $"as the repository runs it, {migration.Source}" : $"{migration.Tool}'s standard command; found at {migration.Source}";
                // The migration needs the databases, not the apps this one calls.
                var databases = dependsOn.Where(d => devServices.Values.Any(dev => dev.Name == d)).ToList();
                migrations.Add(new ComposeMigration(migrate, app with { DependsOn = databases }, command, reason));
                app = app with { CompletedFirst = [migrate] };
                decisions.Add($"{migrate}: {name}'s migration ({string.Join(' ', command)}; {reason}) as a one-shot service of the same image" +
                              (databases.Count == 0 ? "" : $", started once {string.Join(", ", databases)} {(databases.Count == 1 ? "is" : "are")} healthy") +
                              $"; {name} depends_on it with condition service_completed_successfully, so it starts only after the migration exits 0 — never chained into the server's command, where replicas would race to migrate");
            }
            apps.Add(app);

            void AddDependency(string from, string to, string why)
            {
                if (dependsOn.Contains(to) || from == to)
                    return;
                if (!graph.TryAdd(from, to))
                {
                    decisions.Add($"{from}: no depends_on {to} ({why}): {to} already waits for {from}, and compose refuses a dependency cycle");
                    return;
                }
                dependsOn.Add(to);
                decisions.Add($"{from}: depends_on {to} with condition service_healthy ({why})");
            }
        }

        foreach (var dev in devServices.Values)
        {
            var users = links.BackingServices.Where(n => n.Kind == dev.Kind.Id).Select(n => names[n.Service]).Distinct().ToList();
            decisions.Add($"{dev.Name}: {dev.Image} for {string.Join(", ", users)}, data in the named volume {dev.Volume}, healthcheck {dev.HealthcheckReason}, not published on the host " +
                          (dev.Credentials.Count == 0 ? "(no password: reachable only on the compose network)" : $"(placeholder credentials from {ComposeLayout.EnvFileName}, for local use only)"));
        }
        return new ComposePlan(apps, devServices.Values.ToList(), urls, decisions) { Migrations = migrations };
    }

    /// <summary><c>NAME-migrate</c>, or with a number when another service already has that name.</summary>
    private static string MigrationServiceName(string app, IReadOnlySet<string> taken)
    {
        var name = app + "-migrate";
        for (var i = 2; taken.Contains(name); i++)
            name = $"{app}-migrate-{i}";
        return name;
    }

    private static string At(Evidence evidence) => evidence.Line > 0 ? $"{evidence.File}:{evidence.Line}" : evidence.File;

    private static string Redacted(string url) =>
        url.Replace(DevService.PlaceholderPassword, "…", StringComparison.Ordinal);

    private static Dictionary<string, DevService> DevServicesFor(RepositoryLinks links, IEnumerable<string> appNames)
    {
        var taken = appNames.ToHashSet(StringComparer.Ordinal);
        var services = new Dictionary<string, DevService>(StringComparer.Ordinal);
        foreach (var kind in BackingServiceKind.All.Where(k => links.BackingServices.Any(n => n.Kind == k.Id)))
        {
            var dev = DevService.For(kind);
            if (taken.Contains(dev.Name))
                dev = dev with { Name = dev.Name + "-dev" };
            services[kind.Id] = dev;
        }
        return services;
    }
}
