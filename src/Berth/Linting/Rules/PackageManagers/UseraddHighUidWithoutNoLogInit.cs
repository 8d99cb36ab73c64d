using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>BDF231: <c>useradd -u 123456789</c> without <c>-l</c> / <c>--no-log-init</c>: the sparse lastlog/faillog files fill the layer.</summary>
public sealed class UseraddHighUidWithoutNoLogInit : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF231", "useradd-high-uid-without-no-log-init", Severity.Warning,
        "useradd with a UID of six or more digits and without -l writes a huge lastlog file", ["DL3046"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (command.Name != "useradd" || RunCommands.HasOption(command, ["--no-log-init"], "l") || Uid(command) is not { } uid)
                continue;
            var value = uid.Value.StartsWith("--uid=", StringComparison.Ordinal) ? uid.Value[6..] : uid.Value.StartsWith("-u", StringComparison.Ordinal) ? uid.Value[2..] : uid.Value;
            if (value.Length > 5 && value.All(char.IsAsciiDigit))
                findings.Add(At(context, uid.Span, $"UID {value} without -l: lastlog and faillog grow to a sparse file indexed by UID, which layers store in full", "Add -l (--no-log-init), or use a UID of at most five digits"));
        }
    }

    private static ShellWord? Uid(ShellCommand command)
    {
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            var value = command.Arguments[i].Value;
            if (value is "-u" or "--uid")
                return i + 1 < command.Arguments.Count ? command.Arguments[i + 1] : null;
            if (value.StartsWith("--uid=", StringComparison.Ordinal) || (value.StartsWith("-u", StringComparison.Ordinal) && value.Length > 2 && value[2..].All(char.IsAsciiDigit)))
                return command.Arguments[i];
        }
        return null;
    }
}
