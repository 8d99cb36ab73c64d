namespace Berth.EndToEnd.Apps;

/// <summary>A <c>--runtime</c> choice and the non-root uid its image must run as.</summary>
public sealed record RuntimeFlavour(string Name, int ExpectedUid)
{
    public static RuntimeFlavour Named(string name) => name switch
    {
        "slim" => new RuntimeFlavour("slim", 10001),
        "distroless" => new RuntimeFlavour("distroless", 65532),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown runtime"),
    };
}
