namespace Berth.Generation.Compose;

/// <summary>The host port each app is published on.</summary>
public static class PublishedPorts
{
    /// <summary>Each app's port on 127.0.0.1: its own (the one its files state, also when the image listens on another), or the next free one when an earlier app has it.</summary>
    public static Dictionary<string, int> Assign(IReadOnlyList<ComposeInput> services)
    {
        var used = new HashSet<int>();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var port = service.Container.OutsidePort ?? service.Container.Port;
            while (!used.Add(port))
                port++;
            ports[service.Profile.Name] = port;
        }
        return ports;
    }
}
