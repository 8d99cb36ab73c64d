using System.Globalization;

namespace Berth.Verification.Running;

/// <summary>What the image's command line says about the server: whether it is gunicorn, how many workers, the graceful timeout.</summary>
public sealed record ServerCommandLine(bool IsGunicorn, int? Workers, int? GracefulTimeoutSeconds, string Source)
{
    /// <summary>gunicorn's own default when neither <c>--workers</c> nor WEB_CONCURRENCY says otherwise.</summary>
    public const int GunicornDefaultWorkers = 1;

    public static ServerCommandLine Read(IReadOnlyList<string> command, Func<string, string?> environment)
    {
        var words = command.Count >= 3 && command[1] == "-c" ? command[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : command.ToArray();
        var gunicornAt = Array.FindIndex(words, w => Path.GetFileName(w) == "gunicorn" || w == "gunicorn.app.wsgiapp");
        if (gunicornAt < 0 && words.Length >= 3 && words[1] == "-m" && words[2] == "gunicorn")
            gunicornAt = 2;
        var isGunicorn = gunicornAt >= 0;
        // gunicorn's precedence: the command line, then GUNICORN_CMD_ARGS, then WEB_CONCURRENCY (the default of --workers).
        var fromCommand = Scan(words, Math.Max(gunicornAt, 0));
        var fromEnvironment = isGunicorn && environment("GUNICORN_CMD_ARGS") is { } cmdArgs ? Scan(cmdArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries), 0) : default;
        var (workers, source) = (fromCommand.Workers, fromEnvironment.Workers) switch
        {
            ({ } n, _) => ((int?)n, $"{fromCommand.WorkersWord} in the command"),
            (null, { } n) when isGunicorn => (n, $"{fromEnvironment.WorkersWord} in GUNICORN_CMD_ARGS"),
            _ when isGunicorn && environment("WEB_CONCURRENCY") is { } concurrency && Number(concurrency) is { } fromEnv => (fromEnv, "WEB_CONCURRENCY in the image's environment"),
            _ when isGunicorn => (GunicornDefaultWorkers, "gunicorn's default (no --workers, no WEB_CONCURRENCY)"),
            _ => (null, ""),
        };
        var graceful = fromCommand.Graceful ?? fromEnvironment.Graceful;
        return new ServerCommandLine(isGunicorn, workers, graceful, source);
    }

    /// <summary>The worker count (and the word that set it) and the graceful timeout among the words from <paramref name="start"/>; the last one wins.</summary>
    private static ScannedOptions Scan(string[] words, int start)
    {
        var options = default(ScannedOptions);
        for (var i = start; i < words.Length; i++)
        {
            if (Option(words, i, "--workers", "-w") is { } w && Number(w) is { } workers)
                options = options with { Workers = workers, WorkersWord = words[i] };
            if ((Option(words, i, "--graceful-timeout", null) ?? Option(words, i, "--timeout-graceful-shutdown", null)) is { } g && Number(g) is { } seconds)
                options = options with { Graceful = seconds };
        }
        return options;
    }

    private readonly record struct ScannedOptions(int? Workers, string? WorkersWord, int? Graceful);

    private static string? Option(string[] words, int i, string longName, string? shortName)
    {
        var word = words[i];
        if (word == longName || (shortName is not null && word == shortName))
            return i + 1 < words.Length ? words[i + 1] : null;
        if (word.StartsWith(longName + "=", StringComparison.Ordinal))
            return word[(longName.Length + 1)..];
        if (shortName is not null && word.StartsWith(shortName, StringComparison.Ordinal) && word.Length > shortName.Length && char.IsAsciiDigit(word[shortName.Length]))
            return word[shortName.Length..];
        return null;
    }

    private static int? Number(string text) =>
        int.TryParse(text.Trim('"', '\''), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
