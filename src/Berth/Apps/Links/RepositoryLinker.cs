namespace Berth.Apps.Links;

/// <summary>Reads what ties a repository's services together: the links between them and the backing services they need.</summary>
public static class RepositoryLinker
{
    /// <param name="tree">The scanned tree, to find a client library's line in its manifest; null gives the manifest without a line.</param>
    public static RepositoryLinks Link(IReadOnlyList<ServiceProfile> services, SourceTree? tree)
    {
        var notes = new List<string>();
        var links = ServiceLinkFinder.Find(services, notes);
        var backing = services.SelectMany(s => BackingServiceFinder.Find(s, tree, notes)).ToList();
        return new RepositoryLinks(links, backing, notes);
    }
}
