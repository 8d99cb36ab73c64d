using System.Text.RegularExpressions;

namespace Berth.Apps.Links;

/// <summary>
/// Finds the databases, caches and brokers each service needs, from the shared part of its profile only (dependencies and env
/// variables), so every stack is read the same way:
/// a URL default with the kind's scheme (SQLAlchemy's <c>postgresql+asyncpg://…</c>, celery's <c>amqp://…</c>) is enough on its own;
/// a client library (asyncpg, psycopg, pymongo, ioredis, mysql2…) is enough too, and then the variable named for the kind's URL carries it.
/// </summary>
public static class BackingServiceFinder
{
    /// <summary>Libraries that talk to "some SQL database": with no driver and no URL scheme the kind cannot be told.</summary>
    private static readonly string[] GenericSqlLibraries = ["sqlalchemy", "sqlmodel", "databases", "tortoise-orm", "peewee", "sequelize", "typeorm", "knex", "prisma", "@prisma/client", "drizzle-orm"];

    public static IReadOnlyList<BackingServiceNeed> Find(ServiceProfile service, SourceTree? tree, List<string> notes)
    {
        var needs = new List<BackingServiceNeed>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var byScheme = service.Env
            .Select(e => (Variable: e, Kind: BackingServiceKind.ForScheme(e.DefaultScheme ?? EnvUrl.SchemeOf(e.Default))))
            .Where(x => x.Kind is not null)
            .ToList();
        foreach (var kind in BackingServiceKind.All)
        {
            var clients = service.Dependencies.Where(d => kind.Clients.Contains(d, StringComparer.Ordinal)).ToList();
            var schemed = byScheme.Where(x => x.Kind == kind).Select(x => x.Variable).ToList();
            if (clients.Count == 0 && schemed.Count == 0)
                continue;
            // A variable named for the URL is this kind's unless its default names another kind, or another kind's client claims it too.
            var named = service.Env
                .Where(e => kind.CarriesUrl(e.Name) && byScheme.All(x => x.Variable != e))
                .Where(e => clients.Count > 0 && !OtherKindClaims(service, kind, e.Name))
                .ToList();
            var variables = schemed.Concat(named).Where(e => claimed.Add(e.Name)).ToList();
            var evidence = new List<Evidence>();
            foreach (var client in clients)
                evidence.Add(ClientEvidence(service, tree, client, kind));
            foreach (var variable in schemed)
                evidence.Add(SourceLocation.Evidence($"{variable.Name} defaults to a {variable.DefaultScheme ?? EnvUrl.SchemeOf(variable.Default)}:// URL ({kind.DisplayName})", variable.Source));
            foreach (var variable in named)
                evidence.Add(SourceLocation.Evidence($"{variable.Name} carries the {kind.DisplayName} URL", variable.Source));
            var reason = clients.Count > 0
                ? $"depends on {string.Join(", ", clients)}"
                : $"{string.Join(", ", schemed.Select(v => v.Name))} defaults to a {kind.DisplayName} URL";
            if (variables.Count == 0)
                notes.Add($"{service.Name} needs {kind.DisplayName} ({reason}) but reads no variable Berth knows as its URL ({string.Join(", ", kind.UrlVariables.Take(3))}…): give it its connection settings yourself");
            needs.Add(new BackingServiceNeed(service.Name, kind.Id, variables.Select(v => v.Name).ToList(), reason, evidence));
        }

        var generic = service.Dependencies.FirstOrDefault(d => GenericSqlLibraries.Contains(d, StringComparer.Ordinal));
        if (generic is not null && !needs.Any(n => n.Kind is "postgresql" or "mysql"))
        {
            var sqlite = service.Env.Any(e => (e.DefaultScheme ?? EnvUrl.SchemeOf(e.Default))?.StartsWith("sqlite", StringComparison.Ordinal) == true);
            if (!sqlite)
                notes.Add($"{service.Name} uses {generic} without a database driver Berth knows or a URL default that names the database: no database service is assumed");
        }
        return needs;
    }

    private static bool OtherKindClaims(ServiceProfile service, BackingServiceKind kind, string variable) =>
        BackingServiceKind.All.Any(other => other != kind && other.CarriesUrl(variable) && service.Dependencies.Any(d => other.Clients.Contains(d, StringComparer.Ordinal)));

    /// <summary>The client library's line in the service's manifest (requirements.txt, pyproject.toml, package.json), else the file.</summary>
    private static Evidence ClientEvidence(ServiceProfile service, SourceTree? tree, string client, BackingServiceKind kind)
    {
        var fact = $"{client} is a {kind.DisplayName} client";
        if (service.ManifestFile is not { } manifest)
            return new Evidence(fact, service.Path, 0);
        var line = 0;
        if (tree is not null && tree.Exists(manifest))
        {
            var pattern = new Regex(@"(?<![A-Za-z0-9_.\-/@])" + string.Join("[-_.]", client.Split('-').Select(Regex.Escape)) + @"(?![A-Za-z0-9_\-/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var lines = tree.ReadManifest(manifest).Split('\n');
            var index = Array.FindIndex(lines, l => pattern.IsMatch(l) && !l.TrimStart().StartsWith('#'));
            line = index + 1;
        }
        return new Evidence(fact, manifest, line);
    }
}
