using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Generation.Kubernetes.Yaml;

/// <summary>
/// Prints <see cref="YamlNode"/>s as block YAML the way kubectl does (two-space indent, sequences under their key), LF line ends,
/// strings quoted only when a plain scalar would be read as another type or would not parse.
/// </summary>
public static partial class YamlText
{
    public static string Document(YamlNode root)
    {
        var text = new StringBuilder();
        Write(text, root, 0);
        return text.ToString();
    }

    /// <summary>Several documents separated by <c>---</c>.</summary>
    public static string Documents(IEnumerable<YamlNode> roots) => string.Join("---\n", roots.Select(Document));

    private static void Write(StringBuilder text, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlMap map:
                WriteMap(text, map, indent, firstLinePrefix: null);
                break;
            case YamlSeq seq:
                WriteSeq(text, seq, indent);
                break;
            case YamlScalar scalar:
                text.Append(' ', indent).Append(Scalar(scalar)).Append('\n');
                break;
        }
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, string? firstLinePrefix)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (map.CommentOf(key) is { } comment)
            {
                foreach (var line in comment.Split('\n'))
                {
                    if (first && firstLinePrefix is not null)
                        throw new InvalidOperationException("a comment cannot open a sequence item");
                    text.Append(' ', indent).Append("# ").Append(line).Append('\n');
                }
            }
            if (first && firstLinePrefix is not null)
                text.Append(' ', indent - firstLinePrefix.Length).Append(firstLinePrefix);
            else
                text.Append(' ', indent);
            first = false;
            text.Append(Key(key)).Append(':');
            WriteValue(text, value, indent);
        }
        if (first)
        {
            if (firstLinePrefix is not null)
                text.Append(' ', indent - firstLinePrefix.Length).Append(firstLinePrefix);
            else
                text.Append(' ', indent);
            text.Append("{}\n");
        }
    }

    private static void WriteValue(StringBuilder text, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                if (scalar.Kind == YamlScalarKind.String && scalar.Text.Contains('\n'))
                {
                    text.Append(" |").Append(scalar.Text.EndsWith('\n') ? "" : "-").Append('\n');
                    foreach (var line in scalar.Text.TrimEnd('\n').Split('\n'))
                        text.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
                }
                else
                {
                    text.Append(' ').Append(Scalar(scalar)).Append('\n');
                }
                break;
            case YamlMap { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlSeq { Items.Count: 0 }:
                text.Append(" []\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2, null);
                break;
            case YamlSeq seq:
                text.Append('\n');
                WriteSeq(text, seq, indent + 2);
                break;
        }
    }

    private static void WriteSeq(StringBuilder text, YamlSeq seq, int indent)
    {
        if (seq.Items.Count == 0)
        {
            text.Append(' ', indent).Append("[]\n");
            return;
        }
        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case YamlMap map:
                    WriteMap(text, map, indent + 2, "- ");
                    break;
                case YamlScalar scalar:
                    text.Append(' ', indent).Append("- ").Append(Scalar(scalar)).Append('\n');
                    break;
                case YamlSeq inner:
                    text.Append(' ', indent).Append("-\n");
                    WriteSeq(text, inner, indent + 2);
                    break;
            }
        }
    }

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : Quote(key);

    public static string Scalar(YamlScalar scalar)
    {
        if (scalar.Kind == YamlScalarKind.Plain)
            return scalar.Text;
        var text = scalar.Text;
        return NeedsQuotes(text) ? Quote(text) : text;
    }

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || !PlainString().IsMatch(text)
        || Reserved().IsMatch(text)
        || Numberish().IsMatch(text);

    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when c < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./$][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainKey();

    // Conservative: letters, digits and a few punctuation marks that never start or change a YAML token here.
    [GeneratedRegex(@"^[A-Za-z0-9_./$(][A-Za-z0-9_./$(){}@=+,-]*(?:[ :][A-Za-z0-9_./$(){}@=+,-]+)*$")]
    private static partial Regex PlainString();

    [GeneratedRegex(@"^(?i:y|n|yes|no|on|off|true|false|null|~)$")]
    private static partial Regex Reserved();

    [GeneratedRegex(@"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^0[xob][0-9a-fA-F_]+$|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?$")]
    private static partial Regex Numberish();
}
