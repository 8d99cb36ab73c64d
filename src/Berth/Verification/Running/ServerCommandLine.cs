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
        int? workers = null;
        int? graceful = null;
        var source = "";
        for (var i = Math.Max(gunicornAt, 0); i < words.Length; i++)
        {
            if (Option(words, i, "--workers", "-w") is { } w && Number(w) is { } n)
            {
                workers = n;
                source = $"{words[i]} in the command";
            }
            if (Option(words, i, "--graceful-timeout", null) is { } g && Number(g) is { } seconds)
                graceful = seconds;
            if (Option(words, i, "--timeout-graceful-shutdown", null) is { } u && Number(u) is { } uvicornSeconds)
                graceful = uvicornSeconds;
        }
        if (isGunicorn && workers is null && environment("WEB_CONCURRENCY") is { } concurrency && Number(concurrency) is { } fromEnv)
        {
            workers = fromEnv;
            source = "WEB_CONCURRENCY in the image's environment";
        }
        if (isGunicorn && workers is null)
        {
            workers = GunicornDefaultWorkers;
            source = "gunicorn's default (no --workers, no WEB_CONCURRENCY)";
        }
        if (isGunicorn && graceful is null && environment("GUNICORN_CMD_ARGS") is { } cmdArgs)
        {
            var extra = cmdArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < extra.Length; i++)
            {
                if (Option(extra, i, "--graceful-timeout", null) is { } g && Number(g) is { } seconds)
                    graceful = seconds;
            }
        }
        return new ServerCommandLine(isGunicorn, workers, graceful, source);
    }

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
