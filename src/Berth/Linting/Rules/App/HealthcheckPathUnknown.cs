using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.App;

/// <summary>BAP002: the HEALTHCHECK probes an HTTP path the app has no route for (it answers 404 and the container is marked unhealthy).</summary>
public sealed partial class HealthcheckPathUnknown : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BAP002", "healthcheck-path-not-an-app-route", Severity.Error,
        "HEALTHCHECK probes a path that is not one of the app's health routes", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.App is not { } app || context.Final is not { } final)
            return;
        foreach (var check in final.Stage.Instructions.OfType<HealthcheckInstruction>().Where(h => !h.IsNone && h.Command is not null))
        {
            var match = Url().Match(check.Command!.Text);
            if (!match.Success)
                continue;
            var path = match.Groups["path"].Value;
            if (path.Length == 0)
                path = "/";
            if (app.Health.Any(h => h.Path.TrimEnd('/') == path.TrimEnd('/')))
                continue;
            var known = app.Health.Count == 0 ? "the app declares no health route" : "the app's health routes are " + string.Join(", ", app.Health.Select(h => h.Path));
            findings.Add(At(context, check.Span, $"HEALTHCHECK probes {path}, but {known}",
                app.Health.Count > 0 ? $"Probe {app.Health[0].Path}" : "Add a GET /health route to the app"));
        }
    }

    [GeneratedRegex(@"https?://(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:\d+)?(?<path>/[^\s'""\\?]*)?")]
    private static partial Regex Url();
}
