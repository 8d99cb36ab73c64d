using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>BK8907: a PathPrefix (or Exact) match written as a pattern (<c>/api/*</c>, <c>/api.*</c>, <c>^/v[12]</c>): Gateway API matches whole path elements literally.</summary>
public sealed class PathPrefixPattern : KubernetesRule
{
    public override RuleInfo Info { get; } = new("BK8907", "path-prefix-pattern", Severity.Warning,
        "An HTTPRoute PathPrefix/Exact value contains glob or regex characters, or does not start with '/'", []);

    public override void Check(KubernetesLintContext context, KubernetesFindingSink findings)
    {
        foreach (var route in GatewayRoutes.Routes(context).Where(r => r.Is("HTTPRoute")))
        {
            foreach (var match in (route.Root["spec"]?["rules"]?.Items ?? []).SelectMany(r => r["matches"]?.Items ?? []))
            {
                var type = match["path"]?["type"]?.Text ?? "PathPrefix";
                if (type == "RegularExpression" || match["path"]?["value"] is not YamlScalar { IsNull: false } value)
                    continue;
                if (!value.Value.StartsWith('/'))
                    findings.Add(Info, route, value, $"{type} value '{value.Value}' does not start with '/': the API server refuses it");
                else if (value.Value.IndexOfAny(['*', '(', '[', '^', '$', '?', '+']) >= 0 || value.Value.Contains(".*", StringComparison.Ordinal))
                    findings.Add(Info, route, value, $"{type} '{value.Value}' is matched literally, element by element: it is not a glob or a regex (PathPrefix /api already matches /api/x, and never /apix); use RegularExpression if the implementation supports it",
                        type == "PathPrefix" ? "value: " + Literal(value.Value) : null);
            }
        }
    }

    /// <summary>The literal prefix before the pattern characters ("/api/*" → "/api").</summary>
    private static string Literal(string value)
    {
        var end = value.IndexOfAny(['*', '(', '[', '^', '$', '?', '+', '.']);
        var literal = (end < 0 ? value : value[..end]).TrimEnd('/');
        return literal.Length > 0 ? literal : "/";
    }
}
