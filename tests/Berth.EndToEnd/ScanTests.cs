using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Workspace;

namespace Berth.EndToEnd;

/// <summary>What <c>berth scan</c> must report for the examples (the facts the end-to-end run then relies on).</summary>
public sealed class ScanTests
{
    [Theory]
    [InlineData("notes-api")]
    [InlineData("inventory-service")]
    public async Task Scan_reports_what_the_example_declares(string example)
    {
        var app = ExampleApp.Named(example);
        using var scratch = TempDirectory.Create($"berth-scan-{example}-");
        var copy = InitializedService.CopyOnly(app, scratch);
        var (service, run) = await ScanRun.SingleServiceAsync(copy.Directory, TestContext.Current.CancellationToken);

        var checks = new Checklist();
        checks.Check(service.Name == app.Name, $"name: '{service.Name}', expected '{app.Name}'");
        checks.Check(Same(service.Framework, "fastapi"), $"framework: '{service.Framework}', expected fastapi");
        checks.Check(service.Entrypoint == app.Entrypoint, $"entrypoint: '{service.Entrypoint}', expected '{app.Entrypoint}'");
        checks.Check(Same(service.Server, app.Server), $"server: '{service.Server}', expected {app.Server}");
        checks.Check(service.Port == app.Port, $"port: {service.Port}, expected {app.Port}");
        checks.Check(Same(service.PackageManager, app.PackageManager), $"packageManager: '{service.PackageManager}', expected {app.PackageManager}");
        checks.Check(service.LockFile == app.LockFile || (service.LockFile?.EndsWith("/" + app.LockFile, StringComparison.Ordinal) ?? false),
            $"lockFile: '{service.LockFile}', expected '{app.LockFile}'");

        foreach (var expected in app.HealthRoutes)
        {
            var route = service.Health.FirstOrDefault(r => r.Path == expected.Path);
            if (route is null)
            {
                checks.Fail($"health route {expected.Path} missing (found: {string.Join(", ", service.Health.Select(r => r.Path))})");
                continue;
            }
            var methods = route.Methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal);
            checks.Check(methods.SequenceEqual(expected.Methods.Order(StringComparer.Ordinal)),
                $"health route {expected.Path}: methods [{string.Join(", ", route.Methods)}], expected [{string.Join(", ", expected.Methods)}]");
        }

        var unexpected = service.Health.Select(r => r.Path).Except(app.HealthRoutes.Select(r => r.Path), StringComparer.Ordinal).ToList();
        checks.Check(unexpected.Count == 0,
            $"health routes [{string.Join(", ", unexpected)}] are not probes of this app (a probe must answer 200 without the database)");

        foreach (var name in app.RequiredEnv)
            checks.Check(service.Env.Any(e => e.Name == name && e.Required), $"env {name} should be reported as required");
        foreach (var name in app.SecretEnv)
            checks.Check(service.Env.Any(e => e.Name == name && e.Secret), $"env {name} should be reported as secret");
        foreach (var name in app.OptionalEnv)
            checks.Check(service.Env.Any(e => e.Name == name && !e.Required), $"env {name} should be reported as optional (it has a default)");
        checks.AddRange(DotenvFile.Leaks(copy.DotenvValues, run.StandardOutput + run.StandardError, "scan output"));

        checks.AssertEmpty(run.Describe);
    }

    private static bool Same(string? actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
}
