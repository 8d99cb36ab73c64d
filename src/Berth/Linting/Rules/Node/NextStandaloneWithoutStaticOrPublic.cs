using Berth.Apps.Node;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Node;

/// <summary>
/// BDF312: a stage copies Next.js's <c>.next/standalone</c> but not <c>.next/static</c> (or not <c>public/</c> when the app has one):
/// standalone output leaves both out on purpose, and the pages load without their scripts, styles and images.
/// </summary>
public sealed class NextStandaloneWithoutStaticOrPublic : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF312", "next-standalone-without-static-or-public", Severity.Error,
        "copies .next/standalone without .next/static (or without public/): pages load without their assets", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var appHasPublic = context.App?.Node is { HasPublicFolder: true } || context.ContextFileExists("public");
        foreach (var stage in context.Stages)
        {
            var copies = stage.Stage.Instructions.OfType<CopyInstruction>().ToList();
            var standalone = copies.FirstOrDefault(c => c.Sources.Any(s => s.Value.TrimEnd('/').EndsWith(".next/standalone", StringComparison.Ordinal)));
            if (standalone is null)
                continue;
            var sources = copies.SelectMany(c => c.Sources.Select(s => s.Value.TrimEnd('/'))).ToList();
            var missing = new List<string>();
            if (!sources.Any(s => s.EndsWith(".next/static", StringComparison.Ordinal) || s.EndsWith("/.next", StringComparison.Ordinal) || s == ".next"))
                missing.Add(".next/static");
            if (appHasPublic && !sources.Any(s => s == "public" || s.EndsWith("/public", StringComparison.Ordinal)))
                missing.Add("public/");
            if (missing.Count > 0)
                findings.Add(At(context, standalone.Span,
                    $"copies .next/standalone without {string.Join(" and ", missing)}: standalone output does not include them, so the pages load without their scripts, styles and files",
                    "COPY --from=build /app/.next/static ./.next/static and COPY --from=build /app/public ./public beside the standalone folder"));
        }
    }
}
