using System.Text.RegularExpressions;
using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>One <c>pip install</c>: the command, the <c>install</c> word and the arguments after it (for <c>pip</c>, <c>pip3.11</c>, <c>python -m pip</c>).</summary>
internal sealed partial record PipInstall(ShellCommand Command, ShellWord Install, IReadOnlyList<ShellWord> Arguments)
{
    private static readonly string[] OptionsWithValue =
    [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
        "-t", "--target", "--prefix", "--root", "--platform", "--python-version", "--implementation", "--abi", "--src", "--upgrade-strategy",
        "--progress-bar", "--trusted-host", "--cache-dir", "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert",
        "--client-cert", "--only-binary", "--no-binary", "--global-option", "--config-settings", "-C", "--report", "--python", "--use-feature",
        "--use-deprecated", "--root-user-action", "--keyring-provider", "--group",
    ];

    /// <summary>True when one of <paramref name="options"/> is an argument, alone or as <c>--option=value</c>.</summary>
    public bool Has(params ReadOnlySpan<string> options)
    {
        for (var i = 0; i < Arguments.Count; i++)
        {
            var value = Arguments[i].Value.AsSpan();
            var equals = value.IndexOf('=');
            if (RunCommands.IsOneOf(equals < 0 ? value : value[..equals], options))
                return true;
        }
        return false;
    }

    /// <summary>The requirement operands (package names, specifiers, paths, URLs), skipping options and their values.</summary>
    public IEnumerable<ShellWord> Operands()
    {
        var takeNext = false;
        foreach (var argument in Arguments)
        {
            if (takeNext)
            {
                takeNext = false;
                continue;
            }
            if (argument.Value.StartsWith('-'))
            {
                takeNext = Array.IndexOf(OptionsWithValue, argument.Value) >= 0;
                continue;
            }
            yield return argument;
        }
    }

    /// <summary>True for a bare name such as <c>fastapi</c> or <c>uvicorn[standard]</c>: no version, path, URL, archive or variable.</summary>
    public static bool IsBareName(string operand) => BareName().IsMatch(operand);

    /// <summary>The project name of a bare requirement, lower-cased, without extras.</summary>
    public static string NameOf(string operand) => operand.Split('[', 2)[0].ToLowerInvariant().Replace('_', '-');

    public static PipInstall? Read(ShellCommand command)
    {
        var arguments = command.Arguments;
        var start = 0;
        if (command.Name is { } name && PipName().IsMatch(name))
            start = 0;
        else if (command.Name is { } python && PythonName().IsMatch(python) && arguments.Count > 1 && arguments[0].Value == "-m" && arguments[1].Value == "pip")
            start = 2;
        else
            return null;
        var rest = arguments.Skip(start).ToList();
        var install = rest.FirstOrDefault(a => !a.Value.StartsWith('-'));
        if (install is not { Value: "install" })
            return null;
        return new PipInstall(command, install, rest.SkipWhile(a => !ReferenceEquals(a, install)).Skip(1).ToList());
    }

    [GeneratedRegex(@"^pip(\d+(\.\d+)?)?$")]
    private static partial Regex PipName();

    [GeneratedRegex(@"^python(\d+(\.\d+)?)?$")]
    private static partial Regex PythonName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?$")]
    private static partial Regex BareName();
}
