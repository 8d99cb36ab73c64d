namespace Berth.Apps.Links;

/// <summary>
/// One service of the repository calling another over HTTP: <see cref="Variable"/> (read by <see cref="From"/>) holds the address of
/// <see cref="To"/>. BuildTime: the variable is inlined when the image is built (NEXT_PUBLIC_*, VITE_*), so it is the address a browser
/// uses, not one the container resolves.
/// </summary>
public sealed record ServiceLink(string From, string To, string Variable, bool BuildTime, string Reason, Evidence Evidence);

/// <summary>
/// A database, cache or broker a service needs (<see cref="Kind"/>: postgresql, mysql, mongodb, redis, rabbitmq), and the variables
/// that carry its URL (none when the code reads its settings in some other way).
/// </summary>
public sealed record BackingServiceNeed(string Service, string Kind, IReadOnlyList<string> Variables, string Reason, IReadOnlyList<Evidence> Evidence);

/// <summary>What ties the services of one repository together: the links between them and what they need from outside.</summary>
public sealed record RepositoryLinks(IReadOnlyList<ServiceLink> Links, IReadOnlyList<BackingServiceNeed> BackingServices, IReadOnlyList<string> Notes)
{
    public static RepositoryLinks None { get; } = new([], [], []);
}
