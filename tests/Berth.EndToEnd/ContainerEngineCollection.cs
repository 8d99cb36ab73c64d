namespace Berth.EndToEnd;

/// <summary>Tests that start containers share the host network and fixed ports: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContainerEngineCollection
{
    public const string Name = "container engine (sequential, host network)";
}
