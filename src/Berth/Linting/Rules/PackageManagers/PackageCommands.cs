using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// One package-manager invocation found in a RUN: the command and its subcommand word. <see cref="IsModule"/>: <c>dnf module install
/// nodejs:20</c>, whose operands are module specs (<c>name:stream</c>) after the two words <c>module install</c>.
/// </summary>
internal sealed record PackageCommand(int Stage, RunInstruction Run, ShellCommand Command, ShellWord Subcommand, bool IsModule = false)
{
    public IEnumerable<ShellWord> Packages(params string[] optionsWithValue) => RunCommands.Operands(Command, IsModule ? 2 : 1, optionsWithValue);

    /// <summary>An RPM operand with a version (<c>httpd-2.4.57</c>), or for a module a stream (<c>tomcat:9</c>); or no name at all (a path, a .rpm, a variable).</summary>
    public bool IsPinnedOrNotAName(string operand) =>
        (IsModule ? operand.Contains(':', StringComparison.Ordinal) : PackageCommands.HasRpmVersion(operand)) || PackageCommands.IsNotAName(operand, ".rpm");
}

/// <summary>Finding apk, yum, dnf, microdnf and zypper invocations and reading their package operands.</summary>
internal static partial class PackageCommands
{
    public static readonly string[] ApkOptionsWithValue = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir", "--repositories-file"];

    public static readonly string[] RpmOptionsWithValue =
        ["-c", "--config", "--installroot", "--enablerepo", "--disablerepo", "--releasever", "-x", "--exclude", "--repo", "--repoid", "--setopt", "-d", "--debuglevel", "-e", "--errorlevel"];

    /// <summary>The dnf family: dnf, its C rewrite microdnf, Photon's tdnf and dnf5.</summary>
    public static readonly string[] DnfTools = ["dnf", "microdnf", "tdnf", "dnf5"];

    /// <summary>The yum and dnf subcommands that install packages, with dnf's short aliases (<c>dnf in</c>, <c>dnf rei</c>).</summary>
    public static readonly string[] RpmInstallSubcommands = ["install", "in", "groupinstall", "localinstall", "reinstall", "rei"];

    /// <summary>The subcommands that download packages into the cache: the installs and the upgrades (with dnf's aliases).</summary>
    public static readonly string[] RpmDownloadSubcommands = [.. RpmInstallSubcommands, "upgrade", "up", "update", "upgrade-minimal", "up-min", "distro-sync", "downgrade"];

    public static readonly string[] ZypperOptionsWithValue = ["-r", "--repo", "--root", "-R", "-t", "--type", "--from", "--download"];

    /// <summary>Every invocation of one of <paramref name="tools"/> whose subcommand is one of <paramref name="subcommands"/>.</summary>
    public static ItemList<PackageCommand> Find(DockerfileLintContext context, ReadOnlySpan<string> tools, ReadOnlySpan<string> subcommands, ReadOnlySpan<string> optionsWithValue) =>
        Find(context, tools, subcommands, optionsWithValue, stages: null);

    /// <summary>As <see cref="Find(DockerfileLintContext, ReadOnlySpan{string}, ReadOnlySpan{string}, ReadOnlySpan{string})"/>, only in the stages that reach the final image.</summary>
    public static ItemList<PackageCommand> FindShipped(DockerfileLintContext context, ReadOnlySpan<string> tools, ReadOnlySpan<string> subcommands, ReadOnlySpan<string> optionsWithValue) =>
        Find(context, tools, subcommands, optionsWithValue, RunCommands.StagesInFinalImage(context));

    private static ItemList<PackageCommand> Find(DockerfileLintContext context, ReadOnlySpan<string> tools, ReadOnlySpan<string> subcommands, ReadOnlySpan<string> optionsWithValue, IReadOnlySet<int>? stages)
    {
        List<PackageCommand>? found = null;
        foreach (var each in RunCommands.All(context))
        {
            var (stage, run, command) = each;
            if (command.Name is not { } name || !tools.Contains(name) || (stages is not null && !RunCommands.Ships(stages, each)))
                continue;
            if (RunCommands.FirstOperand(command, optionsWithValue) is not { } sub)
                continue;
            if (sub.Value == "module" && RunCommands.Operands(command, 1, optionsWithValue.ToArray()).FirstOrDefault() is { } moduleSub && subcommands.Contains(moduleSub.Value))
                (found ??= []).Add(new PackageCommand(stage, run, command, moduleSub, IsModule: true));
            else if (subcommands.Contains(sub.Value))
                (found ??= []).Add(new PackageCommand(stage, run, command, sub));
        }
        return found is null ? ItemList<PackageCommand>.Empty : ItemList<PackageCommand>.CopyOf(found);
    }

    /// <summary>True when the RUN has a later command of one of <paramref name="tools"/> with the subcommand <paramref name="clean"/>, or an <c>rm</c> of one of <paramref name="folders"/>, or a cache mount on them.</summary>
    public static bool Cleans(PackageCommand install, ReadOnlySpan<string> tools, ReadOnlySpan<string> clean, ReadOnlySpan<string> folders)
    {
        if (RunCommands.HasCacheMount(install.Run, folders))
            return true;
        var commands = RunCommands.Of(install.Run);
        for (var i = IndexOfSame(commands, install.Command) + 1; i > 0 && i < commands.Count; i++)
        {
            var c = commands[i];
            if (c.Name is { } name && tools.Contains(name) && RunCommands.FirstOperand(c, RpmOptionsWithValue)?.Value is { } sub && clean.Contains(sub))
                return true;
            if (c.Name == "rm" && RemovesAny(c, folders))
                return true;
        }
        return false;
    }

    /// <summary>The index of this very command (by reference: records compare equal by value), or -1.</summary>
    private static int IndexOfSame(ItemList<ShellCommand> commands, ShellCommand command)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            if (ReferenceEquals(commands[i], command))
                return i;
        }
        return -1;
    }

    /// <summary>True when an operand of the <c>rm</c> starts with one of <paramref name="folders"/>.</summary>
    private static bool RemovesAny(ShellCommand rm, ReadOnlySpan<string> folders)
    {
        foreach (var argument in rm.PositionalArguments)
        {
            foreach (var folder in folders)
            {
                if (argument.Value.StartsWith(folder, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    /// <summary>An operand that is not a package name to pin: a path, a local package file, a variable.</summary>
    public static bool IsNotAName(string operand, string fileSuffix) =>
        operand.Contains('/', StringComparison.Ordinal) || operand.Contains('$', StringComparison.Ordinal) || operand.EndsWith(fileSuffix, StringComparison.Ordinal) || operand.StartsWith('@');

    /// <summary>An RPM name with a version: <c>httpd-2.4.57</c>, <c>nodejs-1:18.2</c>.</summary>
    public static bool HasRpmVersion(string operand) => RpmVersion().IsMatch(operand);

    [GeneratedRegex(@"^.+-\d")]
    private static partial Regex RpmVersion();
}
