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
        if (app.PortIsDefault)
            return null;
        var source = app.Evidence.FirstOrDefault(e => e.Fact.StartsWith("port ", StringComparison.Ordinal));
        return new StatedPort(app.Port, source ?? new Evidence($"port {app.Port}", app.Path, 0));
    }
}
