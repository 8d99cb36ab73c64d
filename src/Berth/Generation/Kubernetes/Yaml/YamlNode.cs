using System.Globalization;

namespace Berth.Generation.Kubernetes.Yaml;

/// <summary>A YAML value Berth writes: a mapping (keys in the order added), a sequence, or a scalar. Built in code, printed by <see cref="YamlText"/>.</summary>
public abstract record YamlNode
{
    public static implicit operator YamlNode(string value) => new YamlScalar(value, YamlScalarKind.String);

    public static implicit operator YamlNode(int value) => new YamlScalar(value.ToString(CultureInfo.InvariantCulture), YamlScalarKind.Plain);

    public static implicit operator YamlNode(bool value) => new YamlScalar(value ? "true" : "false", YamlScalarKind.Plain);
}

public enum YamlScalarKind
{
    /// <summary>A string: quoted when a plain scalar would read as something else (a number, a boolean, null) or would not parse.</summary>
    String,

    /// <summary>A number or boolean, written as is.</summary>
    Plain,
}

public sealed record YamlScalar(string Text, YamlScalarKind Kind) : YamlNode;

/// <summary>A mapping whose keys keep the order they were added in (deterministic output, Kubernetes' usual field order).</summary>
public sealed record YamlMap : YamlNode
{
    private readonly List<KeyValuePair<string, YamlNode>> _entries = [];

    /// <summary>An optional comment written on the line above a key.</summary>
    private readonly Dictionary<string, string> _comments = new(StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => _entries;

    public YamlMap Add(string key, YamlNode? value, string? comment = null)
    {
        if (value is null)
            return this;
        if (_entries.Any(e => e.Key == key))
            throw new InvalidOperationException($"duplicate key {key}");
        _entries.Add(new(key, value));
        if (comment is not null)
            _comments[key] = comment;
        return this;
    }

    public string? CommentOf(string key) => _comments.GetValueOrDefault(key);

    public YamlNode? this[string key] => _entries.FirstOrDefault(e => e.Key == key).Value;

    public bool Equals(YamlMap? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

public sealed record YamlSeq : YamlNode
{
    public YamlSeq(IEnumerable<YamlNode> items) => Items = items.ToList();

    public YamlSeq(params YamlNode[] items) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public bool Equals(YamlSeq? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
