namespace Berth.Apps.Python.Stated;

/// <summary>
/// The server settings the repository states for production, from the one command line that wins — its production Dockerfile's
/// CMD/ENTRYPOINT, then the Procfile's web process, then a start script, then a compose <c>command:</c> — and, for gunicorn,
/// what its Dockerfile's <c>GUNICORN_CMD_ARGS</c> and its config file add (gunicorn's own order: command line, then
/// GUNICORN_CMD_ARGS, then the config file, then <c>WEB_CONCURRENCY</c>). A development command (<c>--reload</c>,
/// <c>flask run --debug</c>) states nothing about production: it is passed over, with a note.
/// </summary>
public static class StatedServerOptions
{
    public static IReadOnlyList<StatedServerOption> Choose(ProcfileWeb? procfile, StatedStart stated, List<Evidence> evidence, List<string> notes)
    {
        var candidates = stated.Commands.Select(c => (c.Line.Server, c.Line.Command, c.Source.File, c.Source.Line, c.Kind, c.ProductionNamed)).ToList();
        if (procfile?.Server is { } procServer)
            candidates.Add((procServer, procfile.Command, procfile.File, procfile.Line, StatedCommandKind.Procfile, false));
        var ordered = candidates
            .OrderBy(c => c.Kind == StatedCommandKind.Compose ? 1 : 0) // a production-named compose file never beats a Dockerfile
            .ThenBy(c => c.ProductionNamed ? 0 : 1)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.File, StringComparer.Ordinal)
            .ThenBy(c => c.Line)
            .ToList();

        (string Server, string Command, string File, int Line, StatedCommandKind Kind, bool ProductionNamed)? chosen = null;
        foreach (var candidate in ordered)
        {
            if (ServerOptionParser.IsDevelopment(candidate.Command))
            {
                if (ServerOptionParser.Parse(candidate.Server, candidate.Command).Count > 0)
                    notes.Add($"{candidate.File}:{candidate.Line} starts a development server ({Shorten(candidate.Command)}): its flags are not a production statement and are not carried");
                continue;
            }
            chosen = candidate;
            break;
        }

        var options = new List<StatedServerOption>();
        string? server = chosen?.Server;
        if (chosen is { } line)
        {
            options.AddRange(ServerOptionParser.Parse(line.Server, line.Command)
                .Select(o => new StatedServerOption(o.Name, o.Value, line.Server, $"{line.File}:{line.Line}")));
        }
        if (server is null or "gunicorn")
        {
            foreach (var setting in stated.ServerEnvironment.Where(s => s.Server == "gunicorn").Concat(stated.GunicornConfig))
            {
                if (options.All(o => o.Name != setting.Name))
                    options.Add(setting);
            }
        }
        if (server is null or "gunicorn" or "uvicorn" && stated.ServerEnvironment.FirstOrDefault(s => s.Server == "WEB_CONCURRENCY") is { } concurrency
            && options.All(o => o.Name != "workers"))
            options.Add(concurrency with { Server = server ?? "gunicorn" });

        foreach (var option in options)
        {
            var (file, at) = Split(option.Source);
            evidence.Add(new Evidence($"server option {option.Shown} stated for {option.Server}", file, at));
        }
        return options;
    }

    private static (string File, int Line) Split(string source)
    {
        var colon = source.LastIndexOf(':');
        return (source[..colon], int.Parse(source[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Shorten(string command) => command.Length <= 80 ? command : command[..80] + "…";
}
