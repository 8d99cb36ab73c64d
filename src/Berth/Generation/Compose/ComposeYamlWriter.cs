using System.Text;

namespace Berth.Generation.Compose;

/// <summary>
/// Renders compose.yaml by hand: fixed key order, two-space indents, block sequences, LF — the same plan gives the same bytes.
/// It uses only keys Compose 1.29 and v2 both read (no top-level <c>name</c>, no <c>env_file</c> long form).
/// </summary>
public static class ComposeYamlWriter
{
    public static string Write(ComposePlan plan)
    {
        var text = new StringBuilder();
        text.Append("# Written by `berth init` from the scan of this repository (`berth scan` shows the evidence); `berth init` explains each decision.\n");
        text.Append("# Run: docker compose up --build --wait    (Compose 1.29: docker-compose up --build -d)\n");
        var firstRun = plan.Apps.SelectMany(a => a.EnvFiles).Where(f => f != ComposeLayout.EnvFileName).ToList();
        if (firstRun.Count > 0)
            text.Append("# First: create ").Append(string.Join(", ", firstRun)).Append(" from the .env.example berth init wrote for each service (compose reads them; values never go in this file).\n");
        text.Append("\nservices:\n");
        foreach (var app in plan.Apps)
        {
            App(text, app);
            foreach (var migration in plan.Migrations.Where(m => app.CompletedFirst.Contains(m.Name)))
                Migration(text, migration);
        }
        foreach (var dev in plan.DevServices)
            Dev(text, dev);
        if (plan.DevServices.Count > 0)
        {
            text.Append("\nvolumes:\n");
            foreach (var dev in plan.DevServices)
                text.Append("  ").Append(dev.Volume).Append(": {}\n");
        }
        return text.ToString();
    }

    private static void App(StringBuilder text, ComposeApp app)
    {
        text.Append("  ").Append(app.Name).Append(":\n");
        Build(text, app);
        text.Append("    user: ").Append(YamlText.Scalar(app.User)).Append('\n');
        text.Append("    ports:\n");
        text.Append("      - ").Append(YamlText.Scalar(app.Port)).Append('\n');
        Settings(text, app);
        DependsOn(text, app.DependsOn, app.CompletedFirst);
        text.Append("    # the image's own HEALTHCHECK (").Append(app.Health).Append("), checked more often here so dependants start sooner\n");
        Timing(text, retries: 5, startPeriodSeconds: 30);
        Hardening(text, app);
        text.Append("    stop_grace_period: ").Append(YamlText.Number(app.StopGraceSeconds)).Append("s\n");
    }

    /// <summary>The one-shot migration: the app's build, user, settings and hardening; the migration command instead of the server; no port, no health check.</summary>
    private static void Migration(StringBuilder text, ComposeMigration migration)
    {
        var app = migration.App;
        text.Append("  ").Append(migration.Name).Append(":\n");
        text.Append("    # one-shot: ").Append(app.Name).Append("'s database migration (").Append(migration.Reason).Append("), run once before it starts; the same image\n");
        Build(text, app);
        text.Append("    user: ").Append(YamlText.Scalar(app.User)).Append('\n');
        text.Append("    entrypoint:\n");
        foreach (var word in migration.Command)
            text.Append("      - ").Append(YamlText.Literal(word)).Append('\n');
        Settings(text, app);
        DependsOn(text, app.DependsOn, []);
        text.Append("    healthcheck:\n      disable: true\n");
        text.Append("    restart: \"no\"\n");
        Hardening(text, app);
    }

    /// <summary>The app's build section: the migration service builds the same image.</summary>
    private static void Build(StringBuilder text, ComposeApp app)
    {
        text.Append("    build:\n");
        text.Append("      context: ").Append(YamlText.Literal(app.Context)).Append('\n');
        text.Append("      dockerfile: ").Append(YamlText.Literal(app.Dockerfile)).Append('\n');
        if (app.BuildArgs.Count > 0)
        {
            text.Append("      args:\n");
            foreach (var argument in app.BuildArgs)
                text.Append("        - ").Append(YamlText.Literal(argument)).Append('\n');
        }
    }

    /// <summary>The app's settings: its env files and the variables compose sets (service names of links, build-time addresses).</summary>
    private static void Settings(StringBuilder text, ComposeApp app)
    {
        if (app.EnvFiles.Count > 0)
        {
            text.Append("    env_file:\n");
            foreach (var file in app.EnvFiles)
                text.Append("      - ").Append(YamlText.Literal(file)).Append('\n');
        }
        if (app.Environment.Count > 0)
        {
            text.Append("    environment:\n");
            foreach (var (name, value) in app.Environment)
                text.Append("      ").Append(name).Append(": ").Append(YamlText.Literal(value)).Append('\n');
        }
    }

    /// <summary>Read-only root with the app's writable tmpfs mounts, no capabilities, no privilege escalation.</summary>
    private static void Hardening(StringBuilder text, ComposeApp app)
    {
        text.Append("    read_only: true\n");
        if (app.Tmpfs.Count > 0)
        {
            text.Append("    tmpfs:\n");
            foreach (var mount in app.Tmpfs)
                text.Append("      - ").Append(YamlText.Scalar(mount)).Append('\n');
        }
        text.Append("    cap_drop:\n      - ALL\n");
        text.Append("    security_opt:\n      - no-new-privileges:true\n");
    }

    private static void Dev(StringBuilder text, DevService dev)
    {
        text.Append("  ").Append(dev.Name).Append(":\n");
        text.Append("    # development ").Append(dev.Kind.DisplayName).Append(" only: not published on the host");
        text.Append(dev.Credentials.Count == 0 ? ", no password (reachable only on the compose network)\n" : $", placeholder credentials from {ComposeLayout.EnvFileName}\n");
        text.Append("    image: ").Append(YamlText.Scalar(dev.Image)).Append('\n');
        if (dev.Credentials.Count > 0)
            text.Append("    env_file:\n      - ").Append(YamlText.Scalar(ComposeLayout.EnvFileName)).Append('\n');
        text.Append("    volumes:\n      - ").Append(YamlText.Scalar($"{dev.Volume}:{dev.DataPath}")).Append('\n');
        text.Append("    healthcheck:\n      test:\n");
        foreach (var word in dev.Healthcheck)
            text.Append("        - ").Append(YamlText.Scalar(word)).Append('\n');
        text.Append("      interval: ").Append(YamlText.Number(ComposePlanner.HealthIntervalSeconds)).Append("s\n");
        text.Append("      timeout: 5s\n      retries: 10\n      start_period: 30s\n");
    }

    private static void DependsOn(StringBuilder text, IReadOnlyList<string> healthy, IReadOnlyList<string> completed)
    {
        if (healthy.Count == 0 && completed.Count == 0)
            return;
        text.Append("    depends_on:\n");
        foreach (var service in healthy)
            text.Append("      ").Append(service).Append(":\n        condition: service_healthy\n");
        foreach (var service in completed)
            text.Append("      ").Append(service).Append(":\n        condition: service_completed_successfully\n");
    }

    private static void Timing(StringBuilder text, int retries, int startPeriodSeconds)
    {
        text.Append("    healthcheck:\n");
        text.Append("      interval: ").Append(YamlText.Number(ComposePlanner.HealthIntervalSeconds)).Append("s\n");
        text.Append("      timeout: 5s\n");
        text.Append("      retries: ").Append(YamlText.Number(retries)).Append('\n');
        text.Append("      start_period: ").Append(YamlText.Number(startPeriodSeconds)).Append("s\n");
    }
}
