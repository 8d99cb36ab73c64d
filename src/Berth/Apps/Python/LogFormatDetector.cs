using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// Whether a service configures JSON log lines, from its own modules' logging clues and its dependencies:
/// the first clue by kind wins (a formatter class, a library formatter, structlog, loguru, a config dict naming one),
/// then python-json-logger as a dependency that the code loads. Null when nothing says JSON.
/// </summary>
internal static class LogFormatDetector
{
    public const string Json = "json";

    private const string JsonLoggerDistribution = "python-json-logger";
    private const string JsonLoggerModule = "pythonjsonlogger";

    /// <summary>The evidence for JSON log lines, or null. <paramref name="modules"/> are the service's own modules.</summary>
    public static Evidence? Detect(IReadOnlyList<PythonModuleFacts> modules, IReadOnlyList<string> dependencies)
    {
        var strongest = modules
            .SelectMany(m => m.JsonLogging.Select(c => (m.File, Clue: c)))
            .OrderBy(x => (int)x.Clue.Kind)
            .ThenBy(x => x.File, StringComparer.Ordinal)
            .ThenBy(x => x.Clue.Line)
            .FirstOrDefault();
        if (strongest.Clue is { } clue)
            return new Evidence("log format json: " + Describe(clue), strongest.File, clue.Line);

        if (!dependencies.Contains(JsonLoggerDistribution, StringComparer.Ordinal))
            return null;
        var loaded = modules
            .SelectMany(m => m.Imports.Where(LoadsJsonLogger).Select(i => (m.File, i.Line)))
            .OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line)
            .FirstOrDefault();
        return loaded.File is null
            ? null
            : new Evidence($"log format json: {JsonLoggerDistribution} is a dependency and the code loads {JsonLoggerModule}", loaded.File, loaded.Line);
    }

    private static bool LoadsJsonLogger(PythonImport import) =>
        import.Module == JsonLoggerModule || import.Module.StartsWith(JsonLoggerModule + ".", StringComparison.Ordinal);

    private static string Describe(JsonLoggingClue clue) => clue.Kind switch
    {
        JsonLoggingKind.DumpsFormatterClass => $"{clue.Name} subclasses logging.Formatter and calls json.dumps",
        JsonLoggingKind.LibraryFormatterSubclass => $"{clue.Name} subclasses a python-json-logger formatter",
        JsonLoggingKind.LibraryFormatterCall => $"{clue.Name}(...) (python-json-logger)",
        JsonLoggingKind.StructlogJsonRenderer => $"{clue.Name}() (structlog)",
        JsonLoggingKind.LoguruSerialize => $"loguru logger.{clue.Name}(serialize=True)",
        _ => $"logging config formatter {clue.Name}",
    };
}
