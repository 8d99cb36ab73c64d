using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Berth.Apps;
using Berth.Apps.Links;

namespace Berth.Reporting;

/// <summary>Source-generated JSON for everything Berth prints as JSON (AOT-safe: no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScanReport))]
[JsonSerializable(typeof(InitReport))]
[JsonSerializable(typeof(LintReport))]
[JsonSerializable(typeof(VerifyJsonReport))]
public sealed partial class BerthJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The options every command prints with: LF line ends, and quotes, apostrophes, angle brackets and non-ASCII text kept as
    /// written (relaxed escaping: the output goes to a terminal, a file or a pipe, never inlined into HTML).
    /// </summary>
    // Built on first use: the generated part initialises Default, and the order of static initialisers across partial files is not defined.
    public static BerthJsonContext Readable => field ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });
}

/// <summary>What <c>berth scan --format json</c> prints. Root is the path as the user gave it (no machine-specific absolute paths).</summary>
public sealed record ScanReport(string Root, IReadOnlyList<ServiceProfile> Services, IReadOnlyList<SkippedFolder> Skipped, IReadOnlyList<string> Notes)
{
    /// <summary>Which service calls which, through which variable (<c>links</c>).</summary>
    public IReadOnlyList<ServiceLink> Links { get; init; } = [];

    /// <summary>The databases, caches and brokers the services need, with the variables carrying their URLs (<c>backingServices</c>).</summary>
    public IReadOnlyList<BackingServiceNeed> BackingServices { get; init; } = [];
}

/// <summary>What <c>berth init --format json</c> prints: per service, its decisions and what happened to each file.</summary>
public sealed record InitReport(string Root, string Output, bool DryRun, IReadOnlyList<InitServiceReport> Services)
{
    /// <summary>compose.yaml's decisions and files; null with --no-compose.</summary>
    public InitComposeReport? Compose { get; init; }

    /// <summary><c>--k8s</c>: the Kubernetes decisions, files and next commands; null with --k8s none.</summary>
    public InitKubernetesReport? Kubernetes { get; init; }

    /// <summary>Services found but not written, each with the reason (a stack or package manager Berth does not generate for).</summary>
    public IReadOnlyList<InitSkippedService> Skipped { get; init; } = [];

    /// <summary>Every file init wrote or kept: the services', compose's and the Kubernetes trees'.</summary>
    [JsonIgnore]
    public IEnumerable<InitFileReport> AllFiles => Services.SelectMany(s => s.Files).Concat(Compose?.Files ?? []).Concat(Kubernetes?.Files ?? []);
}

/// <summary>A service <c>berth init</c> found and wrote nothing for, and why.</summary>
public sealed record InitSkippedService(string Name, string Path, string Reason);

public sealed record InitComposeReport(IReadOnlyList<string> Decisions, IReadOnlyList<InitFileReport> Files);

/// <summary><c>berth init --k8s</c>: the repository-wide decisions, each service's, the files of k8s/ and charts/, and the commands to run next.</summary>
public sealed record InitKubernetesReport(IReadOnlyList<string> Decisions, IReadOnlyList<InitKubernetesService> Services, IReadOnlyList<InitFileReport> Files, IReadOnlyList<string> Commands);

public sealed record InitKubernetesService(string Name, IReadOnlyList<string> Decisions);

public sealed record InitServiceReport(string Name, string Path, string BuildCommand, IReadOnlyList<string> Decisions, IReadOnlyList<Evidence> Evidence, IReadOnlyList<InitFileReport> Files, IReadOnlyList<string> Notes);

public sealed record InitFileReport(string Path, string Outcome, string Purpose, string? Diff);

/// <summary>What <c>berth lint --format json</c> prints.</summary>
public sealed record LintReport(IReadOnlyList<LintFinding> Findings);

public sealed record LintFinding(string Rule, string Name, string Severity, string File, int Line, int Column, int EndLine, int EndColumn, string Message, string? Fix);

/// <summary>What <c>berth verify --format json</c> prints. Secret placeholders are never in it: their <c>value</c> is null.</summary>
public sealed record VerifyJsonReport(
    string Image,
    long SizeBytes,
    bool Passed,
    string Engine,
    double ElapsedSeconds,
    IReadOnlyList<VerifyJsonCheck> Checks,
    IReadOnlyList<VerifyJsonLayer> Layers,
    VerifyJsonEfficiency? Efficiency,
    IReadOnlyList<VerifyJsonVariable> InventedEnvironment,
    IReadOnlyList<string> Notes);

/// <summary>One check; <c>status</c> is <c>pass</c>, <c>fail</c> or <c>skip</c>.</summary>
public sealed record VerifyJsonCheck(string Id, string Name, string Status, string Detail, IReadOnlyList<string> Evidence);

public sealed record VerifyJsonLayer(int Index, long SizeBytes, string CreatedBy, bool FromBaseImage);

/// <summary>dive's numbers: <c>efficiency</c> and <c>userWastedRatio</c> are ratios (0..1), not percentages.</summary>
public sealed record VerifyJsonEfficiency(double Efficiency, long WastedBytes, long UserSizeBytes, double UserWastedRatio, IReadOnlyList<VerifyJsonWastedPath> TopWasted);

public sealed record VerifyJsonWastedPath(string Path, int Copies, long CumulativeBytes);

public sealed record VerifyJsonVariable(string Name, string Kind, string? Value);
