using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// A version constraint as written in <c>requires-python</c> (PEP 440: <c>&gt;=</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>&gt;</c>,
/// <c>==</c>, <c>!=</c>, <c>~=</c>, <c>===</c>, <c>==3.11.*</c>) or in poetry (<c>^3.11</c>, <c>~3.11</c>, <c>*</c>, bare versions,
/// space-separated clauses and <c>||</c> alternatives). Only release segments are compared; pre/post/dev parts are ignored.
/// </summary>
internal sealed partial class Pep440Specifier
{
    private readonly IReadOnlyList<IReadOnlyList<Clause>> _alternatives;

    private Pep440Specifier(IReadOnlyList<IReadOnlyList<Clause>> alternatives) => _alternatives = alternatives;

    /// <summary>Parses a constraint; throws <see cref="FormatException"/> when it is not one.</summary>
    public static Pep440Specifier Parse(string text)
    {
        var alternatives = new List<IReadOnlyList<Clause>>();
        foreach (var alternative in text.Split("||"))
        {
            var clauses = new List<Clause>();
            foreach (var part in alternative.Split(','))
            {
                var rest = part.Trim();
                if (rest.Length == 0)
                    continue;

                while (rest.Length > 0)
                {
                    var match = ClauseText().Match(rest);
                    if (!match.Success)
                        throw new FormatException($"'{rest}' is not a version constraint");
                    clauses.AddRange(Expand(match.Groups["op"].Value, match.Groups["version"].Value));
                    rest = rest[match.Length..].TrimStart();
                }
            }

            if (clauses.Count == 0 && alternative.Trim().Length == 0)
                throw new FormatException("empty constraint");
            alternatives.Add(clauses);
        }

        return new Pep440Specifier(alternatives);
    }

    public bool IsSatisfiedBy(IReadOnlyList<int> version) => _alternatives.Any(all => all.All(c => c.Allows(version)));

    /// <summary>Whether some release of <paramref name="major"/>.<paramref name="minor"/> satisfies the constraint.</summary>
    public bool AllowsMinor(int major, int minor)
    {
        for (var patch = 0; patch <= 50; patch++)
        {
            if (IsSatisfiedBy([major, minor, patch]))
                return true;
        }

        return false;
    }

    /// <summary>Release segments of a version ("3.11.4", "3.11", "3.12.0rc1", "v3.10"); throws <see cref="FormatException"/> otherwise.</summary>
    public static int[] ParseRelease(string text)
    {
        var match = Release().Match(text.Trim());
        if (!match.Success)
            throw new FormatException($"'{text}' is not a version");
        return match.Groups["release"].Value.Split('.').Select(int.Parse).ToArray();
    }

    private static IEnumerable<Clause> Expand(string op, string version)
    {
        if (version == "*")
        {
            if (op is not ("" or "==" or "="))
                throw new FormatException($"'{op}*' is not a version constraint");
            yield break;
        }

        var wildcard = version.EndsWith(".*", StringComparison.Ordinal);
        var release = ParseRelease(wildcard ? version[..^2] : version);
        if (wildcard && op is not ("" or "==" or "=" or "!="))
            throw new FormatException($"a wildcard version only goes with == or != ('{op}{version}')");

        switch (op)
        {
            case "" or "==" or "=" or "===":
                yield return wildcard ? new Clause(Operator.Prefix, release) : new Clause(Operator.Equal, release);
                break;
            case "!=":
                yield return wildcard ? new Clause(Operator.NotPrefix, release) : new Clause(Operator.NotEqual, release);
                break;
            case "<":
                yield return new Clause(Operator.Less, release);
                break;
            case "<=":
                yield return new Clause(Operator.LessOrEqual, release);
                break;
            case ">":
                yield return new Clause(Operator.Greater, release);
                break;
            case ">=":
                yield return new Clause(Operator.GreaterOrEqual, release);
                break;
            case "~=":
                if (release.Length < 2)
                    throw new FormatException($"~= needs at least two version parts ('{op}{version}')");
                yield return new Clause(Operator.GreaterOrEqual, release);
                yield return new Clause(Operator.Prefix, release[..^1]);
                break;
            case "^":
            {
                // Poetry caret: up to the next change of the left-most non-zero part.
                var index = Array.FindIndex(release, part => part != 0);
                if (index < 0)
                    index = release.Length - 1;
                yield return new Clause(Operator.GreaterOrEqual, release);
                yield return new Clause(Operator.Less, Bump(release, index));
                break;
            }

            case "~":
                // Poetry tilde: ~3 means >=3,<4; ~3.11 and ~3.11.2 mean <3.12.
                yield return new Clause(Operator.GreaterOrEqual, release);
                yield return new Clause(Operator.Less, Bump(release, release.Length == 1 ? 0 : 1));
                break;
            default:
                throw new FormatException($"unknown operator '{op}'");
        }
    }

    private static int[] Bump(int[] release, int index)
    {
        var bumped = new int[index + 1];
        Array.Copy(release, bumped, index + 1);
        bumped[index]++;
        return bumped;
    }

    private static int Compare(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var difference = (i < left.Count ? left[i] : 0).CompareTo(i < right.Count ? right[i] : 0);
            if (difference != 0)
                return difference;
        }

        return 0;
    }

    private static bool HasPrefix(IReadOnlyList<int> version, int[] prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if ((i < version.Count ? version[i] : 0) != prefix[i])
                return false;
        }

        return true;
    }

    private enum Operator
    {
        Equal,
        NotEqual,
        Prefix,
        NotPrefix,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
    }

    private sealed record Clause(Operator Op, int[] Release)
    {
        public bool Allows(IReadOnlyList<int> version) => Op switch
        {
            Operator.Equal => Compare(version, Release) == 0,
            Operator.NotEqual => Compare(version, Release) != 0,
            Operator.Prefix => HasPrefix(version, Release),
            Operator.NotPrefix => !HasPrefix(version, Release),
            Operator.Less => Compare(version, Release) < 0,
            Operator.LessOrEqual => Compare(version, Release) <= 0,
            Operator.Greater => Compare(version, Release) > 0,
            _ => Compare(version, Release) >= 0,
        };
    }

    [GeneratedRegex(@"^(?<op>~=|===|==|!=|<=|>=|<|>|\^|~|=)?\s*(?<version>\*|v?[0-9]+(?:\.[0-9]+)*(?:\.\*)?(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|post|rev|r|dev)[0-9]*)*(?:\+[A-Za-z0-9.]+)?)(?=\s|$)")]
    private static partial Regex ClauseText();

    [GeneratedRegex(@"^v?(?<release>[0-9]+(?:\.[0-9]+)*)(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|post|rev|r|dev)[0-9]*)*(?:\+[A-Za-z0-9.]+)?$")]
    private static partial Regex Release();
}
