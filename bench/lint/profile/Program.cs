using System.Diagnostics;
using Berth.Dockerfiles;
using Berth.Linting;

// Where the time of `berth lint <corpus>` goes, in one process: reading, parsing, the lint context, each rule, the whole
// DockerfileLinter.Lint, LintRun.Execute (discovery, app scan, parallel rules) and the text output. Each phase runs ROUNDS times
// over every file; the table shows the first (cold) round and the fastest of the others (warm), in milliseconds.
var corpus = args.Length > 0 ? args[0] : "bench/corpus";
var rounds = int.TryParse(Environment.GetEnvironmentVariable("ROUNDS"), out var r) ? r : 7;
var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
Console.WriteLine($"{files.Count} files, {rounds} rounds; ms: cold (first round) / warm (fastest of the rest) / allocated in the last round");

if (Environment.GetEnvironmentVariable("TYPES") is { Length: > 0 } of)
{
    // Allocation by type, sampled by the runtime's GC AllocationTick event (one per ~100 KB): TYPES=1 over whole lints
    // (LintRun.Execute), TYPES=parse over parsing alone, TYPES=shells over parsing and splitting every RUN into shell commands.
    var sources = files.Select(File.ReadAllText).ToList();
    Action work = of switch
    {
        "parse" => () => { for (var f = 0; f < files.Count; f++) _ = DockerfileParser.Parse(files[f], sources[f]); },
        "shells" => () =>
        {
            for (var f = 0; f < files.Count; f++)
            {
                foreach (var run in DockerfileParser.Parse(files[f], sources[f]).Instructions.OfType<RunInstruction>())
                    _ = run.Scripts();
            }
        },
        _ => () => _ = LintRun.Execute(files, null),
    };
    using var listener = new AllocationListener();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < rounds; i++)
        work();
    var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0 / rounds;
    Console.WriteLine($"allocation by type over {rounds} rounds of {(of is "parse" or "shells" ? of : "whole lints")} (sampled, MB per round; total {total:F1} MB per round):");
    foreach (var (type, bytes) in listener.Bytes.OrderByDescending(p => p.Value).Take(int.TryParse(Environment.GetEnvironmentVariable("TOP"), out var t) ? t : 30))
        Console.WriteLine($"| {type} | {bytes / 1048576.0 / rounds:F2} |");
    return;
}

var texts = new List<string>();
Phase("read", () => { texts = files.Select(File.ReadAllText).ToList(); });
var documents = new List<DockerfileDocument>();
Phase("parse", () => { documents = files.Select((f, i) => DockerfileParser.Parse(f, texts[i])).ToList(); });
var contexts = new List<DockerfileLintContext>();
Phase("context (stage graph)", () => { contexts = files.Select((f, i) => new DockerfileLintContext(f, documents[i], null)).ToList(); });
Phase("split RUN shells (on a fresh parse, parse included)", () =>
{
    foreach (var (f, i) in files.Select((f, i) => (f, i)))
    {
        foreach (var run in DockerfileParser.Parse(f, texts[i]).Instructions.OfType<RunInstruction>())
            _ = run.Scripts();
    }
});
foreach (var run in documents.SelectMany(d => d.Instructions).OfType<RunInstruction>())
    _ = run.Scripts();

var perRule = new List<(string Rule, double Cold, double Warm, double Mb)>();
foreach (var rule in RuleCatalog.Dockerfile)
{
    var (cold, warm, mb) = Measure(() =>
    {
        foreach (var context in contexts)
            _ = rule.Check(context).Count();
    });
    perRule.Add(($"{rule.Info.Id} {rule.Info.Name}", cold, warm, mb));
}
Console.WriteLine($"| all rules (sum) | {perRule.Sum(p => p.Cold):F1} | {perRule.Sum(p => p.Warm):F1} | {perRule.Sum(p => p.Mb):F1} MB |");
foreach (var (rule, cold, warm, mb) in perRule.OrderByDescending(p => p.Mb).Take(int.TryParse(Environment.GetEnvironmentVariable("TOP"), out var top) ? top : 25))
    Console.WriteLine($"|   {rule} | {cold:F2} | {warm:F2} | {mb:F2} MB |");

// The files that cost the most to parse and to lint (warm), to find super-linear spots.
var perFile = files.Select((f, i) =>
{
    var parse = Measure(() => DockerfileParser.Parse(f, texts[i])).Warm;
    var lint = Measure(() => DockerfileLinter.Lint(f, texts[i])).Warm;
    return (File: Path.GetRelativePath(corpus, f), Bytes: texts[i].Length, Parse: parse, Lint: lint);
}).ToList();
foreach (var f in perFile.OrderByDescending(f => f.Lint).Take(8))
    Console.WriteLine($"| slowest: {f.File} ({f.Bytes} B) | parse {f.Parse:F2} | lint {f.Lint:F2} |");

// DockerfileLinter.Lint step by step on fresh parses: where the time goes beyond parsing and the rules.
{
    var raw = new List<List<Finding>>();
    var fresh = new List<DockerfileLintContext>();
    Phase("  Lint step: parse + context", () => { fresh = files.Select((f, i) => new DockerfileLintContext(f, DockerfileParser.Parse(f, texts[i]), null)).ToList(); });
    Phase("  Lint step: rules (fresh contexts of the last round)", () => { raw = fresh.Select(c => RuleCatalog.Dockerfile.SelectMany(rule => rule.Check(c)).ToList()).ToList(); });
    Phase("  Lint step: suppressions read", () => { foreach (var c in fresh) _ = Suppressions.Read(c.Document, RuleCatalog.All); });
    Phase("  Lint step: distinct + sort", () =>
    {
        foreach (var list in raw)
            _ = list.Distinct().OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
    });
}

IReadOnlyList<Finding> findings = [];
Phase("DockerfileLinter.Lint (sequential, parse included)", () => { findings = files.Select((f, i) => DockerfileLinter.Lint(f, texts[i])).SelectMany(x => x).ToList(); });
Phase("LintRun.Execute (whole lint, parallel)", () => { findings = LintRun.Execute(files, null); });
Phase("text output", () => { _ = Berth.Reporting.LintTextRenderer.Render(findings); });
Console.WriteLine($"{findings.Count} findings");

void Phase(string name, Action action)
{
    var (cold, warm, mb) = Measure(action);
    Console.WriteLine($"| {name} | {cold:F1} | {warm:F1} | {mb:F1} MB |");
}

(double Cold, double Warm, double AllocatedMb) Measure(Action action)
{
    var times = new List<double>();
    var allocated = 0L;
    for (var i = 0; i < rounds; i++)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
    }
    var warm = times.Skip(1).Order().ToList();
    // The fastest warm round: the least disturbed by other work on a shared machine.
    return (times[0], warm.Count == 0 ? times[0] : warm[0], allocated / 1048576.0);
}

sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
{
    public Dictionary<string, long> Bytes { get; } = [];

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is not "GCAllocationTick_V4" || e.Payload is null || e.PayloadNames is null)
            return;
        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        lock (Bytes)
            Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
    }
}
