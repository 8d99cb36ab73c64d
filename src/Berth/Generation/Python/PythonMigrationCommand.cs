using Berth.Apps;

namespace Berth.Generation.Python;

/// <summary>
/// A Python service's migration as the argv a container runs without a shell (distroless has none): the venv is first on the image's
/// PATH, so <c>alembic</c>, <c>flask</c> and <c>python</c> are the venv's; a script run by its path (<c>./manage.py migrate</c>) is
/// run with the venv's Python, since its <c>#!/usr/bin/env python</c> line needs an env a distroless image does not ship.
/// </summary>
public static class PythonMigrationCommand
{
    public static IReadOnlyList<string>? Argv(MigrationCommand? migration)
    {
        if (migration is null)
            return null;
        // The scan keeps only a plain command (alembic upgrade head, python manage.py migrate --noinput, flask db upgrade): no shell syntax.
        var words = migration.Command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words[0].EndsWith(".py", StringComparison.Ordinal) || words[0].StartsWith("./", StringComparison.Ordinal)
            ? ["python", .. words]
            : words;
    }
}
