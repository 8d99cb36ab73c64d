using System.Text;

namespace Berth.Tests.Support;

/// <summary>Seeded generators of odd Dockerfiles: random runs of fragments, and real files mutated by inserts, cuts, repeats and line-ending swaps.</summary>
public static class DockerfileFuzz
{
    public static readonly string[] Fragments =
    [
        "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "EXPOSE ", "USER ", "WORKDIR ", "CMD ", "ENTRYPOINT ",
        "HEALTHCHECK ", "ONBUILD ", "SHELL ", "VOLUME ", "STOPSIGNAL ", "MAINTAINER ", "frobnicate ", "NONE ", "CMD ",
        "--mount=type=cache,target=/x ", "--from=", "--", "--=", "--link ", "AS ", "as ",
        "<<EOF", "<<-EOF", "<<'EOF'", "<<\"E\"", "EOF", "E", "\tEOF", "<<<", "<<",
        "[", "]", "\"", "'", ",", "\"a\"", "[\"sh\", \"-c\"]", "\\u00", "{", "}", "(", ")", "$(", "`", "${A:-b}", "$", "${",
        "&&", "||", ";", "|", "&", ">", "2>&1", "=", ":", "/", "#", "# escape=`", "# syntax=x", "# check=skip=all",
        "\\", "`", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\uFEFF", "é", "\u0000", "a", "b=c", "x y", "1", "80/udp",
    ];

    /// <summary>Up to 40 fragments picked at random.</summary>
    public static string RandomText(Random random, IReadOnlyList<string> fragments)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 40);
        for (var j = 0; j < count; j++)
            builder.Append(fragments[random.Next(fragments.Count)]);
        return builder.ToString();
    }

    /// <summary>The golden Dockerfiles, plus a file with an escape directive and heredocs.</summary>
    public static List<string> GoldenSeeds()
    {
        var root = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Golden");
        var seeds = Directory.EnumerateFiles(root, "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToList();
        seeds.Add("# escape=`\nFROM a\nRUN <<EOF\necho hi\nEOF\nCOPY <<-X /y\n\tz\n\tX\n");
        return seeds;
    }

    /// <summary>The dockerfile blocks of the rule pages (docs/rules/*.md): an example that fires each rule, and its fix; a block without a FROM gets one.</summary>
    public static List<string> RuleDocSeeds()
    {
        var seeds = new List<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(page);
            var at = 0;
            while ((at = text.IndexOf("```dockerfile\n", at, StringComparison.Ordinal)) >= 0)
            {
                var start = at + "```dockerfile\n".Length;
                var end = text.IndexOf("```", start, StringComparison.Ordinal);
                if (end < 0)
                    break;
                var block = text[start..end];
                seeds.Add(block.Contains("FROM ", StringComparison.OrdinalIgnoreCase) ? block : "FROM debian:12-slim\n" + block);
                at = end + 3;
            }
        }
        return seeds;
    }

    /// <summary>The seed with one to five mutations.</summary>
    public static string Mutated(string seed, Random random)
    {
        var text = seed;
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations; m++)
            text = Mutate(text, random);
        return text;
    }

    public static string Mutate(string text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        return random.Next(4) switch
        {
            0 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
            1 when text.Length > 0 => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
            2 => text.Insert(at, text.Substring(at, Math.Min(random.Next(0, 30), text.Length - at))),
            _ => text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\\\n"),
        };
    }
}
