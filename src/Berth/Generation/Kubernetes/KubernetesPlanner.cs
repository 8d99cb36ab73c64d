using System.Text;
using Berth.Apps;

namespace Berth.Generation.Kubernetes;

/// <summary>
/// Decides every Kubernetes value for a repository from the profiles' shared part and each image's <see cref="ContainerContract"/>
/// (never a stack's own plan), each with the reason <c>berth init</c> prints.
/// </summary>
public static class KubernetesPlanner
{
    public const string AppVersion = "0.1.0";
    public const int PreStopSeconds = 5;
    public const int StopMarginSeconds = 5;
    public const int MinReplicas = 2;
    public const int MaxReplicas = 5;
    public const int CpuTargetPercent = 70;
    public const int CpuRequestPerProcessMilli = 250;
    public const int CpuLimitPerProcessMilli = 500;

    public static KubernetesPlan Plan(string repositoryName, IReadOnlyList<(ServiceProfile Profile, ContainerContract Container)> services)
    {
        var name = DnsLabel(repositoryName, "app");
        var profiles = services.Select(s => s.Profile).ToList();
        var links = ServiceLinks.Find(profiles);
        var gateway = new GatewaySettings(name + "-gateway", "http", "eg", 80, "envoy-gateway-system");
        var decisions = new List<string>
        {
            $"object names are the service names ({string.Join(", ", services.Select(s => s.Profile.Name))}) in both the Kustomize base and the chart, so the DNS names services use to reach each other do not depend on a Helm release name (one release per namespace)",
            $"labels app.kubernetes.io/{{name,instance,version,component,part-of,managed-by}}; every selector (Deployment, Service, PodDisruptionBudget, NetworkPolicy, topology spread) is the same two labels, name + instance={name}, which never change between releases (a selector is immutable)",
            $"app.kubernetes.io/version and the chart's appVersion are {AppVersion}: the project states no release version; set it when you tag a release",
            $"HTTPRoutes attach to Gateway '{gateway.Name}' listener '{gateway.SectionName}' (parentRef with sectionName) in the same namespace; k8s/gateway/ holds an optional Gateway (gatewayClassName '{gateway.ClassName}', Envoy Gateway's quick-start class) because clusters usually own theirs — point parentRefs at it (add its namespace, and allow routes from yours) if it lives elsewhere",
            $"NetworkPolicies admit the app port only from the Gateway's proxies (namespace {gateway.ControllerNamespace}, where Envoy Gateway runs them) and from the services that call it; egress stays open (databases and APIs the code calls are not known by address)",
            "Secrets are referenced, never written: one Secret per service with one key per secret variable (secretKeyRef), created from a filled copy of its secret.example.env with kubectl create secret generic",
        };
        foreach (var link in links)
        {
            var to = services.First(s => s.Profile.Name == link.To);
            decisions.Add(link.BuildTime
                ? $"{link.From} reads {link.Variable} at build time ({link.Source}): it is baked into the image (a build argument), so {link.To} is reached by browsers through the Gateway and gets an HTTPRoute; pass the public URL with --build-arg {link.Variable}=…"
                : $"{link.From}'s {link.Variable} ({link.Source}) = {ServiceLinks.Value(link, to.Container.Port)}: {link.To}'s Service DNS name and port (server-side calls stay inside the cluster)");
        }

        var workloads = services.Select(s => Workload(s.Profile, s.Container, profiles, links)).ToList();
        var exposed = workloads.Where(w => w.UserFacing).ToList();
        if (exposed.Count > 1)
        {
            workloads = workloads.Select(w => w.UserFacing ? w with { Hostnames = [$"{w.Name}.{name}.example.com"] } : w).ToList();
            decisions.Add($"{exposed.Count} services are user-facing: each HTTPRoute matches PathPrefix / on its own hostname ({string.Join(", ", exposed.Select(w => $"{w.Name}.{name}.example.com"))}), " +
                "placeholders to replace with your domains (routes that all match / on one listener without hostnames would conflict)");
        }
        foreach (var clash in workloads.GroupBy(w => w.Name).Where(g => g.Count() > 1))
        {
            var paths = clash.Select(w => w.Profile.Path).ToList();
            throw new InputException(paths[1], 0,
                $"services at {string.Join(" and ", paths)} would both be named '{clash.Key}' in Kubernetes (object and DNS names); rename one of them (its project name or folder), or use --k8s none");
        }
        var taken = workloads.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        workloads = workloads.Select(w => WithMigration(w, taken)).ToList();
        return new KubernetesPlan
        {
            RepositoryName = name,
            Version = AppVersion,
            Gateway = gateway,
            Workloads = workloads,
            Links = links,
            Decisions = decisions,
        };
    }

    private static Workload Workload(ServiceProfile profile, ContainerContract container, IReadOnlyList<ServiceProfile> all, IReadOnlyList<ServiceLink> links)
    {
        var decisions = new List<string>();
        var name = DnsLabel(profile.Name, "app");
        var calledBy = links.Where(l => l.To == profile.Name && !l.BuildTime).Select(l => l.From).Distinct().Order(StringComparer.Ordinal).ToList();
        var calledByBrowser = links.Any(l => l.To == profile.Name && l.BuildTime);
        var calls = links.Any(l => l.From == profile.Name);
        var userFacing = calledBy.Count == 0 || calledByBrowser;
        var component = calls ? "frontend" : calledBy.Count > 0 ? "backend" : "api";
        decisions.Add(userFacing
            ? $"user-facing: an HTTPRoute sends PathPrefix / to Service {name} port {container.Port}" + (calledByBrowser ? " (its URL is baked into a frontend's bundle, so browsers call it)" : "")
            : $"internal: no HTTPRoute; only {string.Join(", ", calledBy)} may open port {container.Port} (it calls {name} by its Service DNS name)");

        var config = new List<ConfigEntry>();
        var secrets = new List<SecretKey>();
        foreach (var variable in profile.Env.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (variable.Secret)
            {
                secrets.Add(new SecretKey(variable.Name, variable.Required, variable.Source));
                continue;
            }
            if (variable.BuildTime)
            {
                decisions.Add($"{variable.Name} is fixed at build time ({variable.Source}): not in the ConfigMap, where it would change nothing; it stays a build argument");
                continue;
            }
            var link = links.FirstOrDefault(l => l.From == profile.Name && l.Variable == variable.Name && !l.BuildTime);
            if (link is not null)
            {
                var port = all.First(p => p.Name == link.To).Port;
                config.Add(new ConfigEntry(variable.Name, ServiceLinks.Value(link, port), $"{link.To}'s Service DNS name"));
            }
            else if (variable.Name == "PORT")
                config.Add(new ConfigEntry(variable.Name, container.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "the container port"));
            else if (variable.Default is not null)
                config.Add(new ConfigEntry(variable.Name, variable.Default, $"the code's default, {variable.Source}"));
            else if (variable.Required)
                config.Add(new ConfigEntry(variable.Name, "", $"required and the code has no default ({variable.Source}): set it before deploying"));
        }
        if (config.Count > 0)
            decisions.Add($"ConfigMap {name}-config: {string.Join(", ", config.Select(c => $"{c.Name}={(c.Value.Length == 0 ? "(empty: set it)" : c.Value)} ({c.Reason})"))}");
        else
            decisions.Add($"ConfigMap {name}-config is empty: the code reads no non-secret variable with a value to give");
        if (secrets.Count > 0)
            decisions.Add($"Secret {name}-secrets (not written): keys {string.Join(", ", secrets.Select(s => s.Required ? s.Name : s.Name + " (optional: the code has a fallback)"))}, each read with secretKeyRef");

        var processes = Math.Max(1, container.Processes);
        var memoryRequest = container.ProcessMemoryMiB * processes;
        var resources = new ResourceBudget(CpuRequestPerProcessMilli * processes, CpuLimitPerProcessMilli * processes, memoryRequest, memoryRequest * 2);
        decisions.Add($"resources: {processes} server process{(processes == 1 ? "" : "es")} per container (the image's command) × ~{container.ProcessMemoryMiB} MiB each → requests memory {resources.MemoryRequestMiB}Mi, limit {resources.MemoryLimitMiB}Mi (twice: room for request bursts before the OOM killer); " +
            $"cpu {resources.CpuRequestMilli}m requested ({CpuRequestPerProcessMilli}m per process), limit {resources.CpuLimitMilli}m (half a core per process: gunicorn's (2 × cores) + 1 workers rule reversed)");

        decisions.Add(container.Readiness is null
            ? $"readiness and startup probes open a TCP connection to port {container.Port} (no health route found)"
            : $"readiness probe GET {container.Readiness.Path} ({container.Readiness.Source}; it answers {string.Join(", ", container.Readiness.Methods)} — probes send GET)");
        decisions.Add(container.Liveness is null
            ? $"liveness probe: TCP port {container.Port} (no health route found)"
            : $"liveness probe GET {container.Liveness.Path} ({container.Liveness.Source}), every 10 s, 3 failures; startup probe on the same route allows 60 s (30 × 2 s) before liveness starts, so a slow start is not killed");

        var volumes = Volumes(container.WritablePaths);
        decisions.Add($"Pod Security Standards restricted: runAsNonRoot, runAsUser {container.Uid} / runAsGroup {container.Gid} (the image's user), allowPrivilegeEscalation false, capabilities drop ALL, seccomp RuntimeDefault; " +
            $"readOnlyRootFilesystem with emptyDir at {string.Join(", ", volumes.Select(v => $"{v.MountPath} ({v.Reason})"))}");
        foreach (var kept in container.WritablePaths.Where(WritableMount.KeepsData))
            decisions.Add($"{kept.Path} is an emptyDir, but the app keeps data there ({kept.Source}): it is lost with the pod and not shared between replicas; to keep it, mount a PersistentVolumeClaim there instead (one replica for SQLite; BK8710 accepts either)");
        var grace = PreStopSeconds + container.GracefulStopSeconds + StopMarginSeconds;
        decisions.Add($"terminationGracePeriodSeconds {grace} = preStop sleep {PreStopSeconds} s (endpoints are removed while the pod still serves) + the server's {container.GracefulStopSeconds} s graceful stop + {StopMarginSeconds} s margin; the preStop is the kubelet's sleep action (Kubernetes ≥ 1.30), which needs no shell or sleep binary in the image");
        decisions.Add($"replicas: base and prod {MinReplicas}–{MaxReplicas} by a HorizontalPodAutoscaler at {CpuTargetPercent}% CPU (the Deployment leaves replicas to it) with a PodDisruptionBudget minAvailable 1; dev runs 1 replica without HPA and PDB");
        decisions.Add($"container command: the image's own (ENTRYPOINT/CMD: {string.Join(' ', container.Command)}), not repeated in the manifest where it could drift");

        return new Workload
        {
            Name = name,
            Profile = profile,
            Container = container,
            Component = component,
            UserFacing = userFacing,
            CalledBy = calledBy,
            Config = config,
            Secrets = secrets,
            Resources = resources,
            Volumes = volumes,
            GracePeriodSeconds = grace,
            PreStopSeconds = PreStopSeconds,
            MinReplicas = MinReplicas,
            MaxReplicas = MaxReplicas,
            CpuTargetPercent = CpuTargetPercent,
            Decisions = decisions,
        };
    }

    /// <summary>A Job for the service's migration, when the profile found one and the image can run it; its name is added to <paramref name="taken"/>.</summary>
    private static Workload WithMigration(Workload w, HashSet<string> taken)
    {
        if (w.Container.MigrationCommand is not { Count: > 0 } command || w.Profile.Migrations is not { } migration)
            return w;
        var job = w.Name.Length <= 55 ? w.Name + "-migrate" : w.Name[..55].TrimEnd('-') + "-migrate";
        for (var n = 2; taken.Contains(job); n++)
            job = $"{w.Name[..Math.Min(w.Name.Length, 52)].TrimEnd('-')}-migrate-{n}";
        taken.Add(job);
        var reason = migration.StatedByRepository ? $"as the repository runs it, {migration.Source}" : $"{migration.Tool}'s standard command; found at {migration.Source}";
        var decision = $"migration: Job {job} runs {string.Join(' ', command)} ({reason}) once per release, never chained into the server's command where replicas would race to migrate: " +
            $"the same image, env ({w.ConfigMapName}{(w.Secrets.Count > 0 ? $" and {w.SecretName}" : "")}), user and read-only root as the Deployment, restartPolicy Never, backoffLimit {MigrationJob.BackoffLimit}, " +
            $"activeDeadlineSeconds {MigrationJob.ActiveDeadlineSeconds}, ttlSecondsAfterFinished {MigrationJob.TtlSecondsAfterFinished} (a Job's pod template is immutable: once the finished Job is gone the next release's apply creates it anew); " +
            $"its pods are labelled app.kubernetes.io/name={job}, component={MigrationJob.Component}, so the Service, PodDisruptionBudget, NetworkPolicy and Deployment of {w.Name} never select them. " +
            $"Kustomize: apply, then kubectl wait --for=condition=complete job/{job} before the rollout counts; the chart runs it as a pre-install,pre-upgrade hook, so helm rolls out {w.Name} only after it succeeds";
        return w with { Migration = new MigrationJob(job, command, reason), Decisions = [.. w.Decisions, decision] };
    }

    /// <summary>One emptyDir per writable path, named after the path (a DNS label, unique in the pod).</summary>
    public static IReadOnlyList<PodVolume> Volumes(IReadOnlyList<WritablePath> paths)
    {
        var volumes = new List<PodVolume>();
        foreach (var path in paths.Where(p => p.Path.StartsWith('/')).DistinctBy(p => p.Path.TrimEnd('/')))
        {
            var mount = path.Path.Length > 1 ? path.Path.TrimEnd('/') : path.Path;
            var baseName = DnsLabel(mount.Trim('/').Replace('/', '-'), "data");
            var candidate = baseName;
            for (var n = 2; volumes.Any(v => v.Name == candidate); n++)
                candidate = $"{baseName[..Math.Min(baseName.Length, 60)]}-{n}";
            volumes.Add(new PodVolume(candidate, mount, path.Reason));
        }
        if (!volumes.Any(v => v.MountPath == "/tmp"))
            volumes.Insert(0, new PodVolume("tmp", "/tmp", "temporary files"));
        return volumes;
    }

    /// <summary>A lower-case RFC 1123 label of at most 63 characters.</summary>
    public static string DnsLabel(string text, string fallback)
    {
        var label = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
            label.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        var result = label.ToString();
        while (result.Contains("--", StringComparison.Ordinal))
            result = result.Replace("--", "-", StringComparison.Ordinal);
        result = result.Trim('-');
        if (result.Length > 0 && char.IsAsciiDigit(result[0]))
            result = "s-" + result; // Service names (RFC 1035) start with a letter
        if (result.Length > 63)
            result = result[..63].TrimEnd('-');
        return result.Length == 0 ? fallback : result;
    }
}
