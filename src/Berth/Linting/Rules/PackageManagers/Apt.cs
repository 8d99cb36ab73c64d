using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>Reading apt-get / apt command lines: the subcommand word and the package operands.</summary>
internal static class Apt
{
    private static readonly string[] OptionsWithValue = ["-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file", "-a", "--host-architecture"];

    public static bool IsApt(ShellCommand command) => command.Name is "apt-get" or "apt" or "aptitude";

    /// <summary>The subcommand word (<c>install</c>, <c>update</c>…), skipping options and their values.</summary>
    public static ShellWord? Subcommand(ShellCommand command) => RunCommands.FirstOperand(command, OptionsWithValue);

    public static bool Is(ShellCommand command, string subcommand) => IsApt(command) && Subcommand(command)?.Value == subcommand;

    /// <summary>The package operands of <c>install</c>.</summary>
    public static IEnumerable<ShellWord> Packages(ShellCommand command) => RunCommands.Operands(command, 1, OptionsWithValue);

    /// <summary>The values of <c>-o Key=Value</c> options.</summary>
    public static IEnumerable<string> ConfigOptions(ShellCommand command)
    {
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            var value = command.Arguments[i].Value;
            if (value is "-o" or "--option" && i + 1 < command.Arguments.Count)
                yield return command.Arguments[i + 1].Value;
            else if (value.StartsWith("-o", StringComparison.Ordinal) && value.Length > 2 && value.Contains('=', StringComparison.Ordinal))
                yield return value[2..].TrimStart('=');
            else if (value.StartsWith("--option=", StringComparison.Ordinal))
                yield return value["--option=".Length..];
        }
    }
}
