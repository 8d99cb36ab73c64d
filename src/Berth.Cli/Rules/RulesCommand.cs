using System.CommandLine;
using Berth.Linting;

namespace Berth.Cli.Rules;

/// <summary><c>berth rules</c> lists the rules; <c>berth explain ID</c> prints one rule's doc page.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("rules", "List Berth's lint rules");
        command.SetAction(_ =>
        {
            foreach (var rule in RuleCatalog.All)
                stdout.WriteLine($"{rule.Id}  {Lint.LintCommand.Severity(rule.Severity),-7}  {rule.Name}  {rule.Summary}");
            return BerthApp.Ok;
        });
        return command;
    }

    public static Command Explain(TextWriter stdout)
    {
        var id = new Argument<string>("id") { Description = "A rule ID, e.g. BDF401" };
        var command = new Command("explain", "Print a rule's documentation") { id };
        command.SetAction(parse =>
        {
            var rule = RuleCatalog.Find(parse.GetValue(id)!) ?? throw new InputException(parse.GetValue(id)!, 0, "no such rule; 'berth rules' lists them");
            stdout.Write(RuleDocs.Page(rule.Id) ?? $"# {rule.Id}: {rule.Name}\n\n{rule.Summary}\n");
            return BerthApp.Ok;
        });
        return command;
    }
}
