using Berth.Apps;
using Berth.Apps.Links;

namespace Berth.Generation.Compose;

/// <summary>The URL scheme an app's database or broker driver wants ("postgresql+asyncpg" for SQLAlchemy with asyncpg).</summary>
public static class DriverUrlScheme
{
    /// <summary>The URL scheme the app's driver wants: the one its default names, else the one its libraries imply.</summary>
    public static string For(BackingServiceKind kind, ServiceProfile profile, string variable)
    {
        var stated = profile.Env.FirstOrDefault(e => e.Name == variable)?.DefaultScheme;
        if (stated is not null && BackingServiceKind.ForScheme(stated) == kind)
            return stated;
        bool Has(string dependency) => profile.Dependencies.Contains(dependency, StringComparer.Ordinal);
        var orm = Has("sqlalchemy") || Has("sqlmodel");
        return kind.Id switch
        {
            "postgresql" when orm && Has("asyncpg") => "postgresql+asyncpg",
            "postgresql" when orm && (Has("psycopg") || Has("psycopg-binary")) => "postgresql+psycopg",
            "postgresql" => "postgresql",
            "mysql" when orm && Has("aiomysql") => "mysql+aiomysql",
            "mysql" when orm && Has("asyncmy") => "mysql+asyncmy",
            "mysql" when orm && Has("pymysql") => "mysql+pymysql",
            "mysql" => "mysql",
            "mongodb" => "mongodb",
            "redis" => "redis",
            _ => "amqp",
        };
    }
}
