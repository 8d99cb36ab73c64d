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
        "--use-deprecated", "--root-user-action", "--keyring-provider", "--group", "--pip-args", "--suffix",
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

    /// <summary>True for a bare name such as <c>fastapi</c> or <c>uvicorn[standard]</c>: no version, path, URL, archive (<c>app.whl</c>, <c>app.tar.gz</c>) or variable.</summary>
    public static bool IsBareName(string operand) => BareName().IsMatch(operand) && !IsArchive(operand);

    /// <summary>A local distribution file named without a folder: <c>app-1.0-py3-none-any.whl</c>, <c>app.tar.gz</c>, <c>app.zip</c>.</summary>
    private static bool IsArchive(string operand) => Archive().IsMatch(operand);

    /// <summary>
    /// A VCS requirement without a revision: <c>git+https://host/org/repo.git#egg=repo</c> installs whatever the default branch holds when the
    /// image builds; <c>git+https://host/org/repo.git@v1.2</c> is pinned (an <c>@</c> in the path, not the <c>user@</c> of the host).
    /// </summary>
    public static bool IsUnpinnedVcs(string operand)
    {
        var scheme = operand.IndexOf("://", StringComparison.Ordinal);
        if (!VcsScheme().IsMatch(operand) || scheme < 0)
            return false;
        var rest = operand[(scheme + 3)..].Split('#', 2)[0];
        var path = rest.IndexOf('/', StringComparison.Ordinal);
        return path < 0 || !rest[path..].Contains('@', StringComparison.Ordinal);
    }

    /// <summary>How to pin <paramref name="operand"/>: <c>name==&lt;version&gt;</c>, or for a VCS URL <c>url@&lt;tag or commit&gt;</c>.</summary>
    public static string Pin(string operand) =>
        IsUnpinnedVcs(operand) ? operand.Split('#', 2)[0] + "@<tag or commit>" + (operand.Contains('#', StringComparison.Ordinal) ? "#" + operand.Split('#', 2)[1] : "") : $"{operand}==<version>";

    /// <summary>The project name of a bare requirement, lower-cased, without extras.</summary>
    public static string NameOf(string operand) => operand.Split('[', 2)[0].ToLowerInvariant().Replace('_', '-');

    /// <summary>The <c>pip install</c> of <paramref name="command"/>, or null; with <paramref name="orPipx"/>, a <c>pipx install</c> too (it names packages the same way).</summary>
    public static PipInstall? Read(ShellCommand command, bool orPipx = false)
    {
        var arguments = command.Arguments;
        var start = 0;
        if (command.Name is { } name && (PipName().IsMatch(name) || (orPipx && name == "pipx")))
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

    [GeneratedRegex(@"\.(whl|zip|tar|tgz|tar\.(gz|bz2|xz))$", RegexOptions.IgnoreCase)]
    private static partial Regex Archive();

    [GeneratedRegex(@"^(git|hg|svn|bzr)\+")]
    private static partial Regex VcsScheme();

    [GeneratedRegex(@"^pip(\d+(\.\d+)?)?$")]
    private static partial Regex PipName();

    [GeneratedRegex(@"^python(\d+(\.\d+)?)?$")]
    private static partial Regex PythonName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?$")]
    private static partial Regex BareName();
}
