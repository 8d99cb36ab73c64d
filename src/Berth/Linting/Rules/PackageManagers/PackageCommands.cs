using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>One package-manager invocation found in a RUN: the command and its subcommand word.</summary>
internal sealed record PackageCommand(int Stage, RunInstruction Run, ShellCommand Command, ShellWord Subcommand)
{
    public IEnumerable<ShellWord> Packages(params string[] optionsWithValue) => RunCommands.Operands(Command, 1, optionsWithValue);
}

/// <summary>Finding apk, yum, dnf, microdnf and zypper invocations and reading their package operands.</summary>
internal static partial class PackageCommands
{
    public static readonly string[] ApkOptionsWithValue = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir", "--repositories-file"];

    public static readonly string[] RpmOptionsWithValue =
        ["-c", "--config", "--installroot", "--enablerepo", "--disablerepo", "--releasever", "-x", "--exclude", "--repo", "--repoid", "--setopt", "-d", "--debuglevel", "-e", "--errorlevel"];

    public static readonly string[] ZypperOptionsWithValue = ["-r", "--repo", "--root", "-R", "-t", "--type", "--from", "--download"];

    /// <summary>Every invocation of one of <paramref name="tools"/> whose subcommand is one of <paramref name="subcommands"/>.</summary>
    public static IEnumerable<PackageCommand> Find(DockerfileLintContext context, string[] tools, string[] subcommands, string[] optionsWithValue)
    {
        foreach (var (stage, run, command) in RunCommands.All(context))
        {
            if (command.Name is not { } name || Array.IndexOf(tools, name) < 0)
                continue;
            if (RunCommands.Operands(command, 0, optionsWithValue).FirstOrDefault() is { } sub && Array.IndexOf(subcommands, sub.Value) >= 0)
                yield return new PackageCommand(stage, run, command, sub);
        }
    }

    /// <summary>True when the RUN has a later command of one of <paramref name="tools"/> with the subcommand <paramref name="clean"/>, or an <c>rm</c> of one of <paramref name="folders"/>, or a cache mount on them.</summary>
    public static bool Cleans(PackageCommand install, string[] tools, string[] clean, string[] folders)
    {
        if (RunCommands.HasCacheMount(install.Run, folders))
            return true;
        var after = RunCommands.Of(install.Run).SkipWhile(c => !ReferenceEquals(c, install.Command)).Skip(1);
        return after.Any(c =>
            (c.Name is { } name && Array.IndexOf(tools, name) >= 0 && RunCommands.Operands(c, 0, RpmOptionsWithValue).FirstOrDefault()?.Value is { } sub && Array.IndexOf(clean, sub) >= 0)
            || (c.Name == "rm" && c.PositionalArguments.Any(a => folders.Any(f => a.Value.StartsWith(f, StringComparison.Ordinal)))));
    }

    /// <summary>An operand that is not a package name to pin: a path, a local package file, a variable.</summary>
    public static bool IsNotAName(string operand, string fileSuffix) =>
        operand.Contains('/', StringComparison.Ordinal) || operand.Contains('$', StringComparison.Ordinal) || operand.EndsWith(fileSuffix, StringComparison.Ordinal) || operand.StartsWith('@');

    /// <summary>An RPM name with a version: <c>httpd-2.4.57</c>, <c>nodejs-1:18.2</c>.</summary>
    public static bool HasRpmVersion(string operand) => RpmVersion().IsMatch(operand);

    [GeneratedRegex(@"^.+-\d")]
    private static partial Regex RpmVersion();
}
