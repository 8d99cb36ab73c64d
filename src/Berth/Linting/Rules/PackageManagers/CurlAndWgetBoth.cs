namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF233: a stage runs both curl and wget: two download tools where one does; flagged where the second one first appears.</summary>
public sealed class CurlAndWgetBoth : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF233", "curl-and-wget-both", Severity.Warning,
        "a stage downloads with both curl and wget", ["DL4001", "DS-0014"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            var downloads = RunCommands.All(context).Where(c => c.Stage == stage.Stage.Index && c.Command.Name is "curl" or "wget").ToList();
            if (downloads.Select(d => d.Command.Name).Distinct().Count() < 2)
                continue;
            var first = downloads[0].Command.Name;
            var second = downloads.First(d => d.Command.Name != first).Command;
            findings.Add(At(context, second.Executable!.Span, $"this stage already uses {first}; {second.Name} is a second tool for the same job",
                $"Use {first} here too (and install only one of them)"));
        }
    }
}
