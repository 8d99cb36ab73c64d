namespace Berth.Apps.Node.Manifests;

/// <summary>The Node.js major a service runs on, and where that came from.</summary>
public sealed record NodeVersionChoice(string Major, string Source, string? Constraint, Evidence Evidence);

/// <summary>
/// engines.node (the newest LTS major that satisfies the range) > .nvmrc (a version, or <c>lts/*</c> / <c>lts/iron</c>) >
/// .node-version > volta.node > the default (20, the major Berth's test images carry).
/// </summary>
public static class NodeVersionResolver
{
    public const int DefaultMajor = 20;

    /// <summary>The LTS majors Berth knows, oldest first, with their codenames (reviewed 2026-11).</summary>
    public static readonly IReadOnlyList<(int Major, string Codename)> LtsMajors =
        [(18, "hydrogen"), (20, "iron"), (22, "jod"), (24, "krypton")];

    public static NodeVersionChoice Resolve(SourceTree tree, PackageJson manifest, string folder)
    {
        if (manifest.EnginesNode is { } engines)
        {
            var major = NewestLtsSatisfying(engines)
                ?? throw new InputException(manifest.File, manifest.LineOf("engines.node"), $"engines.node \"{engines}\" allows no Node.js LTS major Berth knows ({string.Join(", ", LtsMajors.Select(l => l.Major))})");
            return new NodeVersionChoice(major.ToString(System.Globalization.CultureInfo.InvariantCulture), "engines.node", engines,
                new Evidence($"Node.js {major} (newest LTS satisfying engines.node \"{engines}\")", manifest.File, manifest.LineOf("engines.node")));
        }
        foreach (var name in new[] { ".nvmrc", ".node-version" })
        {
            var file = RelativePath.Join(folder, name);
            if (!tree.Exists(file))
                continue;
            var text = tree.ReadManifest(file).Trim();
            var major = FromVersionFile(text) ?? throw new InputException(file, 1, $"cannot read a Node.js version from \"{text}\"");
            return new NodeVersionChoice(major, name, null, new Evidence($"Node.js {major} ({name} \"{text}\")", file, 1));
        }
        if (manifest.VoltaNode is { } volta && Major(volta) is { } voltaMajor)
            return new NodeVersionChoice(voltaMajor.ToString(System.Globalization.CultureInfo.InvariantCulture), "volta.node", null,
                new Evidence($"Node.js {voltaMajor} (volta.node \"{volta}\")", manifest.File, manifest.LineOf("volta.node")));
        return new NodeVersionChoice(DefaultMajor.ToString(System.Globalization.CultureInfo.InvariantCulture), "default", null,
            new Evidence($"Node.js {DefaultMajor} (default: no engines.node, .nvmrc, .node-version or volta)", manifest.File, 0));
    }

    private static string? FromVersionFile(string text)
    {
        var first = text.Split('\n')[0].Trim();
        if (first.StartsWith("lts/", StringComparison.OrdinalIgnoreCase))
        {
            var name = first[4..].ToLowerInvariant();
            if (name is "*" or "latest")
                return LtsMajors[^1].Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var match = LtsMajors.FirstOrDefault(l => l.Codename == name);
            return match.Major > 0 ? match.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        if (first is "node" or "stable" or "latest")
            return LtsMajors[^1].Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Major(first)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int? Major(string version)
    {
        var v = version.Trim().TrimStart('v', 'V', '=', '^', '~');
        var end = 0;
        while (end < v.Length && char.IsAsciiDigit(v[end]))
            end++;
        return end > 0 && int.TryParse(v[..end], out var major) ? major : null;
    }

    /// <summary>The newest LTS major some version of which satisfies the npm semver range, or null.</summary>
    public static int? NewestLtsSatisfying(string range)
    {
        for (var i = LtsMajors.Count - 1; i >= 0; i--)
        {
            if (Allows(range, LtsMajors[i].Major))
                return LtsMajors[i].Major;
        }
        return null;
    }

    /// <summary>Whether some version major.x.y lies in the range (<c>||</c> alternatives of space-separated comparators, hyphen ranges, x-ranges, ^ and ~).</summary>
    public static bool Allows(string range, int major)
    {
        var low = new Version3(major, 0, 0);
        var high = new Version3(major + 1, 0, 0); // exclusive
        foreach (var alternative in range.Split("||"))
        {
            var (min, max) = (low, high);
            var hyphen = alternative.Split(" - ");
            var parts = hyphen.Length == 2
                ? [">=" + hyphen[0].Trim(), "<=" + hyphen[1].Trim()] // "18 - 22": inclusive
                : alternative.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            // ">= 20": an operator written apart from its version
            for (var k = parts.Count - 2; k >= 0; k--)
            {
                if (parts[k] is ">=" or "<=" or ">" or "<" or "=" or "^" or "~")
                {
                    parts[k] += parts[k + 1];
                    parts.RemoveAt(k + 1);
                }
            }
            var ok = true;
            foreach (var part in parts)
            {
                if (!Narrow(part, ref min, ref max))
                {
                    ok = false;
                    break;
                }
            }
            if (ok && min.CompareTo(max) < 0)
                return true;
        }
        return false;
    }

    private static bool Narrow(string comparator, ref Version3 min, ref Version3 max)
    {
        var op = new string(comparator.TakeWhile(c => c is '<' or '>' or '=' or '^' or '~').ToArray());
        var rest = comparator[op.Length..].TrimStart('v');
        if (rest is "" or "*" or "x" or "X")
            return op is "" or ">=" or "<=" or "=";
        var p = Partial.Parse(rest);
        if (p.Major is null)
            return false;
        Version3 lower, upper; // [lower, upper)
        switch (op)
        {
            case ">=":
                lower = p.Lower();
                upper = Version3.Max;
                break;
            case ">":
                lower = p.UpperExclusive();
                upper = Version3.Max;
                if (p.Patch is not null)
                    lower = new Version3(p.Major.Value, p.Minor!.Value, p.Patch.Value + 1);
                break;
            case "<":
                lower = Version3.Zero;
                upper = p.Lower();
                break;
            case "<=":
                lower = Version3.Zero;
                upper = p.Patch is not null ? new Version3(p.Major.Value, p.Minor!.Value, p.Patch.Value + 1) : p.UpperExclusive();
                break;
            case "^":
                lower = p.Lower();
                upper = p.Major.Value > 0 || p.Minor is null ? new Version3(p.Major.Value + 1, 0, 0) : new Version3(0, p.Minor.Value + 1, 0);
                break;
            case "~":
                lower = p.Lower();
                upper = p.Minor is null ? new Version3(p.Major.Value + 1, 0, 0) : new Version3(p.Major.Value, p.Minor.Value + 1, 0);
                break;
            default: // "", "="
                lower = p.Lower();
                upper = p.UpperExclusive();
                break;
        }
        if (lower.CompareTo(min) > 0)
            min = lower;
        if (upper.CompareTo(max) < 0)
            max = upper;
        return true;
    }

    private readonly record struct Version3(int Major, int Minor, int Patch) : IComparable<Version3>
    {
        public static readonly Version3 Zero = new(0, 0, 0);
        public static readonly Version3 Max = new(int.MaxValue, 0, 0);

        public int CompareTo(Version3 other) =>
            Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

        public override string ToString() => $"{Major}.{Minor}.{Patch}";
    }

    /// <summary>A version with x or missing parts: "20", "20.x", "18.17", "20.1.0" (prerelease tags ignored).</summary>
    private readonly record struct Partial(int? Major, int? Minor, int? Patch)
    {
        public static Partial Parse(string text)
        {
            var core = text.Split('-', '+')[0];
            var pieces = core.Split('.');
            int? Part(int i) => i < pieces.Length && int.TryParse(pieces[i], out var n) ? n : null;
            var major = Part(0);
            var minor = major is null ? null : Part(1);
            var patch = minor is null ? null : Part(2);
            return new Partial(major, minor, patch);
        }

        public Version3 Lower() => new(Major ?? 0, Minor ?? 0, Patch ?? 0);

        public Version3 UpperExclusive() =>
            Minor is null ? new Version3(Major!.Value + 1, 0, 0)
            : Patch is null ? new Version3(Major!.Value, Minor.Value + 1, 0)
            : new Version3(Major!.Value, Minor.Value, Patch.Value + 1);
    }
}
