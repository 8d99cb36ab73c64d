using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Node;

/// <summary>
/// BDF116: node_modules with native modules (sharp, bcrypt, prisma engines…) installed on one libc and copied into a stage on the other
/// (an Alpine/musl builder into a Debian/glibc or distroless runtime, or back): the compiled .node files and downloaded engines do not load.
/// </summary>
public sealed class NativeModulesAcrossLibc : DockerfileRule
{
    private static readonly string[] NativeModules = ["sharp", "bcrypt", "argon2", "prisma", "better-sqlite3", "sqlite3", "canvas", "re2"];

    public override RuleInfo Info { get; } = new("BDF116", "native-modules-across-libc", Severity.Error,
        "node_modules with native modules built on musl (Alpine) run on glibc (Debian, distroless) or the other way round", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var appNative = context.App?.Node?.NativeModules ?? [];
        var mentioned = context.Document.Instructions.OfType<RunInstruction>()
            .SelectMany(r => r.Scripts().SelectMany(s => s.Commands).SelectMany(c => c.Arguments.Select(a => a.Value)))
            .Where(w => NativeModules.Any(m => w == m || w.StartsWith(m + "@", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal).ToList();
        var native = appNative.Concat(mentioned).Distinct(StringComparer.Ordinal).ToList();
        if (native.Count == 0)
            return;
        foreach (var stage in context.Stages)
        {
            var target = Libc(context, stage.Stage.Index);
            if (target is null)
                continue;
            foreach (var copy in stage.Stage.Instructions.OfType<CopyInstruction>())
            {
                if (copy.From is not { } from || context.Graph.Stage(from) is not { } source || Libc(context, source.Stage.Index) is not { } origin || origin == target)
                    continue;
                var workdir = source.Stage.Instructions.OfType<WorkdirInstruction>().LastOrDefault()?.Path.TrimEnd('/') ?? "";
                if (!copy.Sources.Any(s => s.Value.Contains("node_modules", StringComparison.Ordinal) || s.Value.Contains(".next/standalone", StringComparison.Ordinal) ||
                                           (workdir.Length > 0 && s.Value.TrimEnd('/') == workdir)))
                    continue;
                findings.Add(At(context, copy.Span,
                    $"copies node_modules built on {origin} (stage '{source.Stage.Name ?? from}') into a {target} stage: {string.Join(", ", native)} ship compiled code for one libc and fail to load on the other",
                    "Build the dependencies on the runtime's libc: use the same distribution (e.g. node:20-bookworm-slim) for the install and the runtime"));
            }
        }
    }

    /// <summary>musl for Alpine bases, glibc for Debian/Ubuntu/distroless/UBI ones, null when unknown.</summary>
    private static string? Libc(DockerfileLintContext context, int stage)
    {
        if (context.ExternalBase(stage) is not { } image)
            return null;
        var text = image.Text.ToLowerInvariant();
        if (text.Contains("alpine", StringComparison.Ordinal))
            return "musl (Alpine)";
        if (text.Contains("bookworm", StringComparison.Ordinal) || text.Contains("bullseye", StringComparison.Ordinal) || text.Contains("slim", StringComparison.Ordinal) ||
            text.Contains("distroless", StringComparison.Ordinal) || text.Contains("debian", StringComparison.Ordinal) || text.Contains("ubuntu", StringComparison.Ordinal) ||
            System.Text.RegularExpressions.Regex.IsMatch(text, @"(^|/)node:\d+(\.\d+)*$"))
            return "glibc (Debian)";
        return null;
    }
}
