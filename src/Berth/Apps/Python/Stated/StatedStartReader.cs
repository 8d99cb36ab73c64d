using System.Globalization;
using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// Reads <see cref="StatedStart"/> from the files a repository keeps beside its code: start scripts (<c>boot.sh</c>,
/// <c>entrypoint.sh</c>, <c>prestart.sh</c>), its own Dockerfiles (<c>CMD</c>, <c>EXPOSE</c>, <c>ENV PORT</c>, the python image tag),
/// compose <c>command:</c> lines and <c>gunicorn.conf.py</c>'s <c>bind</c>. A server command line beats an EXPOSE, which beats a
/// gunicorn config; a production-named file (<c>Dockerfile.prod</c>, <c>docker-compose.prod.yml</c>) beats the others.
/// </summary>
public static partial class StatedStartReader
{
    private const int MaxDepth = 3;

    private static readonly string[] NotStartScripts = ["test", "lint", "format", "generate", "export", "update", "release", "bootstrap", "install", "build", "worker", "celery", "beat", "healthcheck", "create_dot_env", "dev", "local"];

    public static StatedStart Read(SourceTree tree, string servicePath, int? procfileLine = null)
    {
        var commands = new List<(ServerCommandLine Line, Evidence Source, int Rank)>();
        var all = new List<StatedCommand>();
        var gunicornConfig = new List<StatedServerOption>();
        var serverEnvironment = new List<StatedServerOption>();
        var exposes = new List<(int Port, Evidence Source, int Rank)>();
        var steps = new List<StatedStep>();
        (string Minor, Evidence Source, int Rank)? python = null;

        foreach (var file in tree.Files.Where(f => Below(f, servicePath) is { } relative && relative.Count(c => c == '/') < MaxDepth))
        {
            var name = RelativePath.FileName(file);
            var lower = name.ToLowerInvariant();
            var rank = lower.Contains("prod", StringComparison.Ordinal) ? 0 : 1;
            if (lower.EndsWith(".sh", StringComparison.Ordinal) && !NotStartScripts.Any(w => lower.Contains(w, StringComparison.Ordinal)))
            {
                ReadScript(tree, file, rank, commands, steps);
                Collect(commands, all, StatedCommandKind.StartScript, rank);
            }
            else if (IsDockerfile(lower) && !NotStartScripts.Any(w => lower.Contains(w, StringComparison.Ordinal) && w is "dev" or "local" or "test"))
            {
                ReadDockerfile(tree, file, rank, commands, exposes, steps, ref python, serverEnvironment);
                Collect(commands, all, StatedCommandKind.Dockerfile, rank);
            }
            else if (IsCompose(lower))
            {
                ReadCompose(tree, file, rank, commands, steps);
                Collect(commands, all, StatedCommandKind.Compose, rank);
            }
            else if (GunicornSettingsReader.IsConfigFile(lower))
            {
                ReadGunicornConf(tree, file, exposes);
                gunicornConfig.AddRange(GunicornSettingsReader.ReadConfig(file, tree.ReadManifest(file)));
            }
        }

        // compose files above the service (a repository root's compose.yml naming services/web's command)
        foreach (var folder in ScanAncestors(servicePath))
        {
            foreach (var file in tree.Files.Where(f => RelativePath.Parent(f) == folder && IsCompose(RelativePath.FileName(f).ToLowerInvariant())))
            {
                var rank = RelativePath.FileName(file).Contains("prod", StringComparison.OrdinalIgnoreCase) ? 0 : 1;
                ReadCompose(tree, file, rank, commands, steps);
                Collect(commands, all, StatedCommandKind.Compose, rank);
            }
        }

        var server = commands.OrderBy(c => c.Rank).ThenBy(c => c.Source.File, StringComparer.Ordinal).Select(c => ((ServerCommandLine, Evidence)?)(c.Line, c.Source)).FirstOrDefault();
        var withPort = commands.Where(c => c.Line.Port is not null).OrderBy(c => c.Rank).ThenBy(c => c.Source.File, StringComparer.Ordinal).ToList();
        int? port = null;
        Evidence? portSource = null;
        if (withPort.Count > 0)
        {
            port = withPort[0].Line.Port;
            portSource = withPort[0].Source with { Fact = $"port {port} from the repository's own server command ({withPort[0].Line.Server})" };
        }
        var exposed = exposes.OrderBy(e => e.Rank).FirstOrDefault();
        return new StatedStart(server?.Item1, server?.Item2, port, portSource, exposed.Source is null ? null : exposed.Port, exposed.Source, python?.Minor, python?.Source,
            steps.DistinctBy(s => (s.File, s.Line)).ToList())
        {
            Commands = all,
            GunicornConfig = gunicornConfig,
            ServerEnvironment = serverEnvironment,
        };
    }

    /// <summary>Moves the command lines the last file added into <paramref name="all"/>, with their kind (the ranked list keeps them too).</summary>
    private static void Collect(List<(ServerCommandLine Line, Evidence Source, int Rank)> commands, List<StatedCommand> all, StatedCommandKind kind, int rank)
    {
        foreach (var (line, source, _) in commands.Skip(all.Count))
            all.Add(new StatedCommand(line, source, kind, rank == 0));
    }

    private static IEnumerable<string> ScanAncestors(string servicePath)
    {
        if (servicePath == ".")
            yield break;
        for (var folder = RelativePath.Parent(servicePath); ; folder = RelativePath.Parent(folder))
        {
            yield return folder;
            if (folder == ".")
                yield break;
        }
    }

    private static string? Below(string file, string folder) => folder == "." ? file : RelativePath.Within(file, folder);

    internal static bool IsDockerfile(string lower) =>
        lower is "dockerfile" or "containerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal) || lower.EndsWith(".dockerfile", StringComparison.Ordinal);

    internal static bool IsCompose(string lower) =>
        (lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose", StringComparison.Ordinal))
        && (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal))
        && !lower.Contains("dev", StringComparison.Ordinal) && !lower.Contains("test", StringComparison.Ordinal) && !lower.Contains("override", StringComparison.Ordinal);

    /// <summary>Logical lines (backslash continuations joined) with the line each starts on.</summary>
    internal static IEnumerable<(string Text, int Line)> LogicalLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var joined = lines[i];
            while (joined.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
                joined = joined.TrimEnd()[..^1] + " " + lines[++i].Trim();
            if (joined.TrimStart().StartsWith('#'))
                continue;
            yield return (joined.Trim(), start + 1);
        }
    }

    private static void ReadScript(SourceTree tree, string file, int rank, List<(ServerCommandLine, Evidence, int)> commands, List<StatedStep> steps)
    {
        foreach (var (text, line) in LogicalLines(tree.ReadManifest(file)))
        {
            foreach (var part in text.Split([";", "&&"], StringSplitOptions.RemoveEmptyEntries))
            {
                if (MigrationStep(part) is { } step)
                    steps.Add(new StatedStep(step, file, line));
                else if (ServerCommandLine.Parse(part) is { } server)
                    commands.Add((server, new Evidence($"start script runs {server.Server}: {Shorten(server.Command)}", file, line), rank));
            }
        }
    }

    private static void ReadDockerfile(SourceTree tree, string file, int rank, List<(ServerCommandLine, Evidence, int)> commands,
        List<(int, Evidence, int)> exposes, List<StatedStep> steps, ref (string Minor, Evidence Source, int Rank)? python, List<StatedServerOption> serverEnvironment)
    {
        var text = tree.ReadManifest(file);
        if (!PythonImage().IsMatch(text) && !text.Contains("pip install", StringComparison.Ordinal) && !text.Contains("uv sync", StringComparison.Ordinal) && !text.Contains("poetry install", StringComparison.Ordinal))
            return; // a Dockerfile for another part of the repository (nginx, a database, a frontend)
        (string Minor, Evidence Source)? from = null;
        var stageExposes = new List<(int, Evidence)>();
        List<(int, Evidence)> lastExposes = [];
        var workerStage = false;
        var stageRunsServer = false;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal); // ENV and ARG literals, for EXPOSE ${APP_PORT}
        foreach (var (line, number) in LogicalLines(text))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
                continue;
            var instruction = line[..space].ToUpperInvariant();
            var argument = line[(space + 1)..].Trim();
            switch (instruction)
            {
                case "FROM":
                    if (stageRunsServer)
                        break; // keep the serving stage's facts
                    if (stageExposes.Count > 0)
                        lastExposes = [.. stageExposes];
                    stageExposes.Clear();
                    workerStage = WorkerStage().IsMatch(argument);
                    var image = PythonImage().Match(argument);
                    from = image.Success ? (image.Groups["minor"].Value, new Evidence($"Python {image.Groups["minor"].Value} from the repository's Dockerfile ({argument.Split(' ')[0]})", file, number)) : from;
                    break;
                case "EXPOSE" when !workerStage:
                    foreach (var word in argument.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var variable = DockerfileVariable().Match(word);
                        var value = variable.Success ? variables.GetValueOrDefault(variable.Groups["name"].Value) : word;
                        if (int.TryParse(value?.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var exposed))
                            stageExposes.Add((exposed, new Evidence($"port {exposed} from the repository's Dockerfile EXPOSE {word}", file, number)));
                    }
                    break;
                case "ARG" or "ENV":
                    foreach (Match pair in DockerfileAssignment().Matches(argument))
                        variables[pair.Groups["name"].Value] = pair.Groups["value"].Value;
                    if (instruction == "ENV" && DockerfileLegacyEnv().Match(argument) is { Success: true } legacy)
                        variables[legacy.Groups["name"].Value] = legacy.Groups["value"].Value;
                    if (instruction == "ENV" && !workerStage)
                    {
                        serverEnvironment.AddRange(GunicornSettingsReader.ReadEnv(file, number, argument));
                        if (GunicornSettingsReader.ReadConcurrency(file, number, argument) is { } concurrency)
                            serverEnvironment.Add(concurrency);
                    }
                    if (instruction == "ENV" && EnvPort().Match(argument) is { Success: true } port)
                        stageExposes.Add((int.Parse(port.Groups["port"].Value, CultureInfo.InvariantCulture), new Evidence($"port {port.Groups["port"].Value} from the repository's Dockerfile ENV PORT", file, number)));
                    break;
                case "CMD" or "ENTRYPOINT":
                    foreach (var part in argument.Split([";", "&&"], StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (MigrationStep(part) is { } step)
                            steps.Add(new StatedStep(step, file, number));
                        else if (ServerCommandLine.Parse(part) is { } server)
                        {
                            commands.Add((server, new Evidence($"the repository's Dockerfile {instruction} runs {server.Server}: {Shorten(server.Command)}", file, number), rank));
                            stageRunsServer = true;
                        }
                    }
                    break;
            }
        }

        // the serving stage's EXPOSE, else the last stage that exposes one (a final worker stage exposes nothing)
        if ((stageExposes.Count > 0 ? stageExposes : lastExposes) is [var first, ..])
            exposes.Add((first.Item1, first.Item2, rank));
        if (from is { } stated && (python is null || rank < python.Value.Rank))
            python = (stated.Minor, stated.Source, rank);
    }

    private static void ReadCompose(SourceTree tree, string file, int rank, List<(ServerCommandLine, Evidence, int)> commands, List<StatedStep> steps)
    {
        foreach (var (command, line) in ComposeCommandLines.Read(tree.ReadManifest(file)))
        {
            foreach (var part in command.Split([";", "&&"], StringSplitOptions.RemoveEmptyEntries))
            {
                if (MigrationStep(part) is { } step)
                    steps.Add(new StatedStep(step, file, line));
                else if (ServerCommandLine.Parse(part) is { } server)
                    commands.Add((server, new Evidence($"compose command runs {server.Server}: {Shorten(server.Command)}", file, line), rank + 1));
            }
        }
    }

    private static void ReadGunicornConf(SourceTree tree, string file, List<(int, Evidence, int)> exposes)
    {
        foreach (var (text, line) in LogicalLines(tree.ReadManifest(file)))
        {
            var bind = GunicornBind().Match(text);
            if (bind.Success)
                exposes.Add((int.Parse(bind.Groups["port"].Value, CultureInfo.InvariantCulture), new Evidence($"port {bind.Groups["port"].Value} from gunicorn's bind setting", file, line), 2));
        }
    }

    /// <summary>A database migration command: <c>alembic upgrade head</c>, <c>manage.py migrate</c>, <c>flask db upgrade</c>.</summary>
    internal static string? MigrationStep(string command)
    {
        var match = Migration().Match(command);
        return match.Success ? match.Value.Trim() : null;
    }

    private static string Shorten(string command) => command.Length <= 100 ? command : command[..100] + "…";

    [GeneratedRegex(@"(?<![\w.-])python(?:3)?:(?<minor>3\.\d+)")]
    private static partial Regex PythonImage();

    /// <summary>A stage named for a worker process (celery, flower, beat, rq): its EXPOSE is not the web service's port.</summary>
    [GeneratedRegex(@"\s[Aa][Ss]\s+\S*(celery|worker|flower|beat|rq|scheduler)", RegexOptions.IgnoreCase)]
    private static partial Regex WorkerStage();

    [GeneratedRegex(@"^PORT[= ]+""?(?<port>\d+)")]
    private static partial Regex EnvPort();

    /// <summary>A word that is one variable: <c>$APP_PORT</c>, <c>${APP_PORT}</c> (a <c>/tcp</c> suffix allowed).</summary>
    [GeneratedRegex(@"^\$\{?(?<name>[A-Za-z_]\w*)\}?(/\w+)?$")]
    private static partial Regex DockerfileVariable();

    /// <summary><c>NAME=value</c> pairs of an ENV or ARG with a literal value (quoted or not).</summary>
    [GeneratedRegex(@"(?<![^\s])(?<name>[A-Za-z_]\w*)=[""']?(?<value>[^\s""'$]*)[""']?(?=\s|$)")]
    private static partial Regex DockerfileAssignment();

    /// <summary>The legacy <c>ENV NAME value</c> form.</summary>
    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s+[""']?(?<value>[^\s""'$=]+)[""']?\s*$")]
    private static partial Regex DockerfileLegacyEnv();

    [GeneratedRegex(@"^-?\s*(command|entrypoint):\s*(?<command>[^\[#].*)$")]
    private static partial Regex ComposeCommand();

    [GeneratedRegex(@"^bind\s*=\s*\[?\s*[""'][^""']*:(?<port>\d+)[""']")]
    private static partial Regex GunicornBind();

    [GeneratedRegex(@"(alembic\s+upgrade\s+\S+|(?:python\d*(?:\.\d+)?\s+(?:-m\s+)?)?(?:\./)?manage(?:\.py)?\s+migrate(?:\s+--no-?input)?|flask\s+db\s+upgrade)")]
    private static partial Regex Migration();
}
