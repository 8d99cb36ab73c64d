using System.Text.Json.Serialization;

namespace Berth.Apps;

/// <summary>
/// A frontend the service serves that another package of the repository builds: the folder the app serves is not in the sources
/// (it exists only after that package's build), so the service's image must build it. Paths are relative to the scan root.
/// </summary>
public sealed record ServedFrontend
{
    /// <summary>The folder the app serves, relative to the scan root ("frontend/dist").</summary>
    public required string Folder { get; init; }

    /// <summary>The same folder seen from the service folder ("../frontend/dist", "static"): where the app reads it at run time.</summary>
    public required string FromService { get; init; }

    /// <summary>How the app serves it: "StaticFiles(html=True)", "static_folder", "send_from_directory", "STATICFILES_DIRS"...</summary>
    public required string ServedBy { get; init; }

    /// <summary>The URL path it is mounted at, when the code states one ("/", "/static").</summary>
    public string? Route { get; init; }

    /// <summary>Where the app names the folder (file:line).</summary>
    public required string Source { get; init; }

    /// <summary>The Node package whose build writes the folder, relative to the scan root.</summary>
    public required string Package { get; init; }

    /// <summary>That package's service name (the static site the Node scan found).</summary>
    public required string PackageName { get; init; }

    /// <summary>npm, pnpm or yarn.</summary>
    public required string PackageManager { get; init; }

    /// <summary>The package's lock file relative to the scan root, or null.</summary>
    public string? LockFile { get; init; }

    /// <summary>The package.json script that builds it ("build") and what it runs.</summary>
    public required string BuildScript { get; init; }

    public required string BuildCommand { get; init; }

    /// <summary>The folder the build writes, relative to the package folder (dist, build, out, ../backend/static).</summary>
    public required string Output { get; init; }

    /// <summary>The Node major the package states (or Berth's default).</summary>
    public required string NodeVersion { get; init; }

    /// <summary>The build context the service needs on its own (before it widened to hold the frontend too).</summary>
    public required string OwnBuildContext { get; init; }

    /// <summary>True when something else in the repository deploys the package on its own (its own Dockerfile or a compose service).</summary>
    public bool DeployedSeparately { get; init; }

    /// <summary>The Node scan's profile of the package: what the build stage's install and build steps are written from.</summary>
    [JsonIgnore]
    public ServiceProfile? Builder { get; init; }
}
