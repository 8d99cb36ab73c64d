using Berth.Verification;
using Spectre.Console;

namespace Berth.Cli.Verify;

/// <summary>
/// Shows what verify is doing on stderr: a Spectre.Console spinner with the current step and the latest build line on a terminal,
/// plain step lines when stderr is redirected (CI logs), nothing for <c>--format json</c> (machine output stays clean).
/// </summary>
internal abstract class VerifyProgress : IVerifyProgress
{
    public static VerifyProgress For(string format, TextWriter stderr)
    {
        if (format == "json")
            return new Quiet();
        var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        return terminal ? new Spinner() : new Lines(stderr);
    }

    public abstract void Step(string description);

    public abstract void Output(string line);

    public virtual void Done()
    {
    }

    private sealed class Quiet : VerifyProgress
    {
        public override void Step(string description)
        {
        }

        public override void Output(string line)
        {
        }
    }

    private sealed class Lines(TextWriter stderr) : VerifyProgress
    {
        public override void Step(string description)
        {
            lock (stderr)
                stderr.WriteLine($"berth verify: {description}");
        }

        public override void Output(string line)
        {
        }
    }

    /// <summary>A live status line; runs on its own thread until <see cref="Done"/>.</summary>
    private sealed class Spinner : VerifyProgress
    {
        private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _display;
        private string _step = "starting";
        private string _detail = "";

        public Spinner()
        {
            _display = _console.Status().Spinner(Spectre.Console.Spinner.Known.Dots).StartAsync(_step, async context =>
            {
                while (!_finished.Task.IsCompleted)
                {
                    var detail = _detail.Length == 0 ? "" : $" [grey]{Markup.Escape(TextClip.Shorten(_detail, Math.Max(20, _console.Profile.Width - _step.Length - 8)))}[/]";
                    context.Status($"{Markup.Escape(_step)}{detail}");
                    await Task.WhenAny(_finished.Task, Task.Delay(100));
                }
            });
        }

        public override void Step(string description)
        {
            _step = description;
            _detail = "";
            _console.MarkupLine($"[green]·[/] {Markup.Escape(description)}");
        }

        public override void Output(string line) => _detail = line.Trim();

        public override void Done()
        {
            _finished.TrySetResult();
            _display.GetAwaiter().GetResult();
        }

    }
}
