using System.Globalization;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Node;

/// <summary>BAP003: the Dockerfile copies <c>.next/standalone</c>, but the app's next.config does not set <c>output: 'standalone'</c>, so the build never writes it.</summary>
public sealed class StandaloneCopiedWithoutStandaloneOutput : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BAP003", "standalone-copied-without-standalone-output", Severity.Error,
        "copies .next/standalone while the app's next.config has no output: 'standalone'", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (context.App?.Node is not { Kind: "next" } node || node.NextOutput == "standalone")
            return;
        foreach (var copy in context.Document.Instructions.OfType<CopyInstruction>())
        {
            if (!copy.Sources.Any(s => s.Value.TrimEnd('/').EndsWith(".next/standalone", StringComparison.Ordinal)))
                continue;
            var config = node.NextConfigFile is null ? "the app has no next.config" : $"{node.NextConfigFile} sets {(node.NextOutput is null ? "no output" : $"output: '{node.NextOutput}'")}";
            findings.Add(At(context, copy.Span,
                $"copies .next/standalone, but {config}: next build does not write that folder and the COPY fails",
                "Add output: 'standalone' to next.config, or copy .next, public/ and the production node_modules and run next start"));
        }
    }
}
