using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF242: <c>curl … | sh</c> / <c>wget -qO- … | bash</c>: a script runs as downloaded, unverified.</summary>
public sealed class RemoteScriptPipedToShell : DockerfileRule
{
    private static readonly string[] Shells = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"];

    public override RuleInfo Info { get; } = new("BDF242", "remote-script-piped-to-shell", Severity.Warning,
        "a downloaded script is piped straight into a shell without a checksum", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var run in context.Document.Instructions.OfType<RunInstruction>())
        {
            foreach (var script in run.Scripts())
            {
                foreach (var pipe in Pipes(script))
                    findings.Add(At(context, pipe.Shell.Executable!.Span, $"'{pipe.Download.Name} … | {pipe.Shell.Name}' runs whatever the server returns, unverified, as the build user",
                        "Download to a file, check its sha256 (echo \"<sha256>  file\" | sha256sum -c -), then run it"));
            }
        }
    }

    private static IEnumerable<(ShellCommand Download, ShellCommand Shell)> Pipes(ShellScript script)
    {
        var commands = script.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i].Name is "curl" or "wget" && commands[i].Separator == "|" && i + 1 < commands.Count)
            {
                var next = commands[i + 1];
                if (next.Name == "sudo" && next.Arguments.FirstOrDefault() is { } wrapped && Array.IndexOf(Shells, wrapped.Value[(wrapped.Value.LastIndexOf('/') + 1)..]) >= 0)
                    yield return (commands[i], next);
                else if (next.Name is { } name && Array.IndexOf(Shells, name) >= 0 && next.InlineScript() is null)
                    yield return (commands[i], next);
            }
            if (commands[i].InlineScript() is { } inner)
            {
                foreach (var nested in Pipes(inner))
                    yield return nested;
            }
        }
    }
}
