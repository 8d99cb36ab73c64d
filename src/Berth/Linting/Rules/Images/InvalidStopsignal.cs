using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>BDF518: STOPSIGNAL with something that is not a signal name (SIGTERM, SIGQUIT...) or number: the container cannot be stopped gracefully.</summary>
public sealed class InvalidStopsignal : DockerfileRule
{
    private static readonly HashSet<string> Signals = new(StringComparer.Ordinal)
    {
        "SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGIO", "SIGIOT", "SIGKILL",
        "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT", "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ",
    };

    public override RuleInfo Info { get; } = new("BDF518", "invalid-stopsignal", Severity.Error,
        "STOPSIGNAL is not a known signal", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stop in context.Document.Instructions.OfType<StopsignalInstruction>())
        {
            var signal = stop.Signal.Trim();
            if (signal.Length == 0 || signal.Contains('$', StringComparison.Ordinal) || IsSignal(signal))
                continue;
            findings.Add(At(context, stop.Arguments.Span, $"STOPSIGNAL {signal} is not a signal Docker knows", "SIGTERM"));
        }
    }

    private static bool IsSignal(string signal)
    {
        if (signal.All(char.IsAsciiDigit))
            return int.TryParse(signal, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65;
        var name = signal.ToUpperInvariant();
        name = name.StartsWith("SIG", StringComparison.Ordinal) ? name : "SIG" + name;
        return Signals.Contains(name) || name.StartsWith("SIGRTMIN", StringComparison.Ordinal) || name.StartsWith("SIGRTMAX", StringComparison.Ordinal);
    }
}
