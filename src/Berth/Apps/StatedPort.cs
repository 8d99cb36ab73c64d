using System.Globalization;

namespace Berth.Apps;

/// <summary>
/// The app's port when the repository states it (code, settings, Procfile, start script, its own Dockerfile), with the evidence that
/// states it. A port nothing in the repository states (Berth's 8000 for Python, the framework's 3000, the port of the static server Berth
/// writes) is not stated: a file that uses another port does not contradict the app, so app-aware rules compare only with a stated port.
/// </summary>
public sealed record StatedPort(int Port, Evidence Source)
{
    /// <summary>" (file:line)" for a message.</summary>
    public string Where => $" ({Source.File}{(Source.Line > 0 ? ":" + Source.Line.ToString(CultureInfo.InvariantCulture) : "")})";

    /// <summary>The stated port of <paramref name="app"/>, or null when its port is a default.</summary>
    public static StatedPort? Of(ServiceProfile app)
    {
        var source = app.Evidence.FirstOrDefault(IsPortFact);
        return source is null || IsDefault(source) ? null : new StatedPort(app.Port, source);
    }

    /// <summary>The detectors' port facts: "port 8080 from …", "port from $PORT, default 8080", "no port in code …: default 8000".</summary>
    private static bool IsPortFact(Evidence evidence) =>
        evidence.Fact.StartsWith("port ", StringComparison.Ordinal) || evidence.Fact.StartsWith("no port ", StringComparison.Ordinal);

    /// <summary>A default is a fact about no line of any file ("default 8000", "Next.js default") or the port of the server Berth writes.</summary>
    private static bool IsDefault(Evidence evidence) =>
        evidence.Fact.StartsWith("no port ", StringComparison.Ordinal)
        || (evidence.Line == 0 && evidence.Fact.Contains("default", StringComparison.Ordinal))
        || evidence.Fact.Contains("Berth writes", StringComparison.Ordinal);
}
