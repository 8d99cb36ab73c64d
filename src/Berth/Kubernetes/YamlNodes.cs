namespace Berth.Kubernetes;

/// <summary>Where a YAML node sits in its file: 1-based line and column of its first character, and of the character after its last.</summary>
public readonly record struct TextSpan(int Line, int Column, int EndLine, int EndColumn)
{
    public static TextSpan Start { get; } = new(1, 1, 1, 1);
}

/// <summary>One node of a manifest's YAML tree, with its position. Aliases share the anchored node (never copied).</summary>
public abstract record YamlValue(TextSpan Span)
{
    /// <summary>How many nodes this one stands for when every alias below it is expanded (itself included).</summary>
    public abstract long ExpandedSize { get; }

    /// <summary>The value under <paramref name="key"/> when this is a mapping that has it.</summary>
    public YamlValue? this[string key] => this is YamlMap map ? map.Get(key) : null;

    /// <summary>The scalar text, or null for a mapping, a sequence or a null scalar (<c>~</c>, <c>null</c>, nothing).</summary>
    public string? Text => this is YamlScalar { IsNull: false } s ? s.Value : null;

    public IReadOnlyList<YamlValue> Items => this is YamlList list ? list.Children : [];

    public IEnumerable<YamlEntry> Entries => this is YamlMap map ? map.Children : [];
}

/// <summary>A scalar. Plain (unquoted) scalars can be numbers, booleans or null; quoted ones are always strings.</summary>
public sealed record YamlScalar(TextSpan Span, string Value, bool Quoted) : YamlValue(Span)
{
    public override long ExpandedSize => 1;

    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool? Boolean => Quoted ? null : Value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public long? Integer => !Quoted && long.TryParse(Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

public sealed record YamlEntry(YamlScalar Key, YamlValue Value);

public sealed record YamlMap(TextSpan Span, IReadOnlyList<YamlEntry> Children, long Size) : YamlValue(Span)
{
    public override long ExpandedSize => Size;

    /// <summary>The last value under <paramref name="key"/> (as Kubernetes' decoder keeps the last of duplicate keys).</summary>
    public YamlValue? Get(string key)
    {
        for (var i = Children.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Children[i].Key.Value, key, StringComparison.Ordinal))
                return Children[i].Value;
        }
        return null;
    }

    public YamlScalar? KeyOf(string key)
    {
        for (var i = Children.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Children[i].Key.Value, key, StringComparison.Ordinal))
                return Children[i].Key;
        }
        return null;
    }
}

public sealed record YamlList(TextSpan Span, IReadOnlyList<YamlValue> Children, long Size) : YamlValue(Span)
{
    public override long ExpandedSize => Size;
}
