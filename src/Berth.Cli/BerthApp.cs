using System.CommandLine;
using Berth.Cli.Init;
using Berth.Cli.Lint;
using Berth.Cli.Rules;
using Berth.Cli.Scan;
using Berth.Cli.Verify;

namespace Berth.Cli;

/// <summary>The <c>berth</c> command: builds the verb tree and runs it against the given writers (tests call this in-process).</summary>
public static class BerthApp
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int InputError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Berth: from source tree to production containers, and proof that they work.")
        {
            ScanCommand.Create(stdout, stderr),
            InitCommand.Create(stdout, stderr),
            LintCommand.Create(stdout, stderr),
            VerifyCommand.Create(stdout, stderr),
            RulesCommand.Create(stdout),
            RulesCommand.Explain(stdout),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync($"berth: {error.Message}");
            await stderr.WriteLineAsync("Run 'berth --help' for usage.");
            return InputError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                // Ctrl-C / SIGTERM cancel the verb's token; verify then removes its containers and image, which can take a few seconds.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
            }, cancellationToken);
        }
        catch (InputException e)
        {
            await stderr.WriteLineAsync($"berth: {e.Location}: {e.Message}");
            return InputError;
        }
    }
}
