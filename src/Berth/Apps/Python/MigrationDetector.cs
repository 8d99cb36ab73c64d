using Berth.Apps.Python.Source;
using Berth.Apps.Python.Stated;

namespace Berth.Apps.Python;

/// <summary>
/// The schema migration a service needs before it serves: Django's own migrations, Flask-Migrate, or Alembic. The repository's
/// own command (a start script, a Procfile <c>release:</c> or <c>web:</c> line, its Dockerfile) wins over the tool's standard one.
/// </summary>
internal static class MigrationDetector
{
    private const int MaxIniDepth = 2;

    public static MigrationCommand? Detect(SourceTree tree, string servicePath, Framework framework, IReadOnlyList<string> dependencies,
        ProcfileWeb? procfile, StatedStart stated, IReadOnlyList<PythonModuleFacts> modules)
    {
        var (tool, command, source) = Standard(tree, servicePath, framework, dependencies, modules);
        if (tool is null)
            return null;
        foreach (var step in StatedSteps(tree, servicePath, procfile, stated))
        {
            if (ToolOf(step.Command) == tool)
                return new MigrationCommand(tool, step.Command, true, $"{step.File}:{step.Line}");
        }
        return new MigrationCommand(tool, command!, false, source!);
    }

    private static (string? Tool, string? Command, string? Source) Standard(SourceTree tree, string servicePath, Framework framework,
        IReadOnlyList<string> dependencies, IReadOnlyList<PythonModuleFacts> modules)
    {
        var files = tree.Files.Where(f => Below(f, servicePath) is not null).ToList();
        if (framework.Interface is "wsgi" or "asgi" && framework.Name == "django")
        {
            // Django's own apps (auth, sessions, admin) ship migrations too: every Django project migrates.
            var migration = files.FirstOrDefault(f => f.Contains("/migrations/0001_", StringComparison.Ordinal) && f.EndsWith(".py", StringComparison.Ordinal));
            var manage = files.Where(f => RelativePath.FileName(f) == "manage.py").OrderBy(f => f.Length).FirstOrDefault();
            if (manage is not null)
                return ("django", $"python {Below(manage, servicePath)} migrate --noinput", migration ?? manage);
        }

        if (dependencies.Contains("flask-migrate"))
        {
            var import = modules.SelectMany(m => m.Imports.Select(i => (m.File, Import: i))).FirstOrDefault(x => x.Import.Module == "flask_migrate");
            return ("flask-migrate", "flask db upgrade", import.File is null ? servicePath : $"{import.File}:{import.Import.Line}");
        }

        var ini = files.Where(f => RelativePath.FileName(f) == "alembic.ini" && Below(f, servicePath)!.Count(c => c == '/') < MaxIniDepth)
            .OrderBy(f => f.Length).FirstOrDefault();
        if (ini is not null && dependencies.Contains("alembic") || ini is not null && dependencies.Contains("sqlmodel"))
        {
            var relative = Below(ini!, servicePath)!;
            return ("alembic", relative == "alembic.ini" ? "alembic upgrade head" : $"alembic -c {relative} upgrade head", ini);
        }

        return (null, null, null);
    }

    private static IEnumerable<StatedStep> StatedSteps(SourceTree tree, string servicePath, ProcfileWeb? procfile, StatedStart stated)
    {
        var procfilePath = RelativePath.Join(servicePath, "Procfile");
        if (tree.Exists(procfilePath))
        {
            var lines = tree.ReadManifest(procfilePath).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (!line.StartsWith("release:", StringComparison.Ordinal) && !line.StartsWith("web:", StringComparison.Ordinal))
                    continue;
                foreach (var part in line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split([";", "&&"], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (StatedStartReader.MigrationStep(part) is { } step)
                        yield return new StatedStep(step, procfilePath, i + 1);
                }
            }
        }

        foreach (var step in stated.PreStartSteps.OrderBy(s => s.File, StringComparer.Ordinal))
            yield return step;
    }

    private static string? ToolOf(string command) =>
        command.StartsWith("alembic", StringComparison.Ordinal) ? "alembic"
        : command.Contains("migrate", StringComparison.Ordinal) ? "django"
        : command.StartsWith("flask", StringComparison.Ordinal) ? "flask-migrate"
        : null;

    private static string? Below(string file, string folder) => folder == "." ? file : RelativePath.Within(file, folder);
}
