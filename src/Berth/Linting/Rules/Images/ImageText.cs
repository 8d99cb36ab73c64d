using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>Small readings of instruction text shared by the image-family rules: variable names in a word, predefined ARGs, the FROM words.</summary>
internal static class ImageText
{
    /// <summary>ARGs BuildKit provides without a declaration.</summary>
    public static readonly IReadOnlySet<string> PredefinedArgs = new HashSet<string>(StringComparer.Ordinal)
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        "BUILDKIT_SYNTAX", "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM", "SOURCE_DATE_EPOCH",
    };

    /// <summary>The variables a word refers to ($A, ${A}, ${A:-x}), outside single quotes and escapes.</summary>
    public static IReadOnlyList<string> Variables(string raw, char escape)
    {
        if (raw.IndexOf('$', StringComparison.Ordinal) < 0)
            return [];
        var names = new List<string>();
        VariableExpander.Expand(raw, name =>
        {
            names.Add(name);
            return "x";
        }, escape);
        return names;
    }

    /// <summary>The global ARGs (before the first FROM) by name, with their default as written (null when none).</summary>
    public static Dictionary<string, string?> GlobalArgs(DockerfileDocument document)
    {
        var args = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var arg in document.GlobalInstructions.OfType<ArgInstruction>())
        {
            foreach (var declaration in arg.Declarations)
                args[declaration.Name] = declaration.DefaultRaw;
        }
        return args;
    }

    /// <summary>The words of a FROM line as BuildKit splits them (image, AS, name).</summary>
    public static IReadOnlyList<ArgumentWord> FromWords(FromInstruction from, char escape) => ArgumentWords.SplitOnWhitespace(from.Arguments.Mapped, escape);

    /// <summary>The stage index a COPY --from or FROM of this file refers to by name or number, looking only at stages before <paramref name="current"/>.</summary>
    public static int? EarlierStage(IReadOnlyList<ResolvedStage> stages, string reference, int current)
    {
        if (int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number < current ? number : null;
        for (var i = 0; i < current && i < stages.Count; i++)
        {
            if (string.Equals(stages[i].Stage.Name, reference, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return null;
    }

    /// <summary>The stage and the stages it builds on (FROM another stage), nearest first.</summary>
    public static IEnumerable<DockerfileStage> Lineage(IReadOnlyList<ResolvedStage> stages, int index)
    {
        var seen = new HashSet<int>();
        ResolvedStage? stage = stages[index];
        while (stage is not null && seen.Add(stage.Stage.Index))
        {
            yield return stage.Stage;
            stage = stage.BaseStage is { } parent ? stages[parent.Index] : null;
        }
    }

    public static bool IsUpper(string word) => word == word.ToUpperInvariant();

    public static bool IsLower(string word) => word == word.ToLowerInvariant();
}
