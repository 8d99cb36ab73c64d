namespace Berth.Apps.Node;

/// <summary>The Node.js part of a <see cref="ServiceProfile"/>: what only the Node image plan and Dockerfile writer read.</summary>
public sealed record NodeFacts
{
    /// <summary>server (a process that listens: Express, Fastify, Koa, NestJS, plain http), next (a Next.js server) or static (built files only: Vite, CRA, Next export).</summary>
    public required string Kind { get; init; }

    /// <summary>The package name from package.json, when it has one.</summary>
    public string? PackageName { get; init; }

    /// <summary>The packageManager field's version ("9.12.0" of "pnpm@9.12.0"), when the field pins one.</summary>
    public string? PackageManagerVersion { get; init; }

    /// <summary>Yarn 2+ (a yarn.lock with <c>__metadata</c>, or packageManager yarn@2+): installs with --immutable.</summary>
    public bool YarnBerry { get; init; }

    /// <summary>The package.json scripts by name.</summary>
    public IReadOnlyDictionary<string, string> Scripts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The script that builds the app ("build"), or null when it needs no build step.</summary>
    public string? BuildScript { get; init; }

    /// <summary>The file node starts (relative to the service folder, after the build): "src/server.js", "dist/main.js"; null for next and static.</summary>
    public string? Entry { get; init; }

    /// <summary>Next.js: the next.config file (relative to the scan root), if any.</summary>
    public string? NextConfigFile { get; init; }

    /// <summary>Next.js: standalone, export, or null (the default: a .next folder served by <c>next start</c>).</summary>
    public string? NextOutput { get; init; }

    /// <summary>Next.js: the basePath every route lives under, or null.</summary>
    public string? BasePath { get; init; }

    /// <summary>Next.js: app, pages, or app+pages (which routers the app uses).</summary>
    public string? NextRouter { get; init; }

    /// <summary>Static sites: the folder the build writes (relative to the service folder): dist (Vite), build (CRA), out (Next export).</summary>
    public string? StaticOutput { get; init; }

    /// <summary>Whether the service folder has a public/ folder (Next.js serves it; the standalone runtime must copy it).</summary>
    public bool HasPublicFolder { get; init; }

    /// <summary>Where the code handles SIGTERM itself (<c>process.on('SIGTERM', …)</c>, Nest's enableShutdownHooks), as file:line; null when nothing proves it.</summary>
    public string? SigtermHandler { get; init; }

    /// <summary>Workspace member folders (relative to the scan root) whose package.json the install needs; empty outside a workspace.</summary>
    public IReadOnlyList<string> WorkspaceMembers { get; init; } = [];

    /// <summary>turbo or nx when the workspace root configures one, else null.</summary>
    public string? WorkspaceTool { get; init; }

    /// <summary>Dependencies with native code built at install time (sharp, bcrypt, prisma…): they must be installed on the runtime's libc.</summary>
    public IReadOnlyList<string> NativeModules { get; init; } = [];
}

/// <summary>The Node part of a profile, for code that only ever sees Node services.</summary>
public static class NodeProfiles
{
    public static NodeFacts NodePart(this ServiceProfile profile) =>
        profile.Node ?? throw new InvalidOperationException($"{profile.Name} is a {profile.Runtime.Language} service, not a Node one");
}
