namespace Berth.Kubernetes;

/// <summary>Label selector matching: a Service's plain map, or a <c>matchLabels</c>/<c>matchExpressions</c> selector.</summary>
public static class LabelSelector
{
    /// <summary>Whether a Service-style selector (every key equal) matches the labels; an empty selector matches nothing.</summary>
    public static bool MatchesMap(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    /// <summary>Whether a LabelSelector matches; an empty selector (<c>{}</c>) matches everything, a missing one nothing.</summary>
    public static bool Matches(YamlValue? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not YamlMap map)
            return false;
        foreach (var (key, value) in KubeObject.Strings(map["matchLabels"]))
        {
            if (!labels.TryGetValue(key, out var v) || v != value)
                return false;
        }
        foreach (var expression in map["matchExpressions"]?.Items ?? [])
        {
            var key = expression["key"]?.Text ?? "";
            var values = expression["values"]?.Items.Select(i => i.Text ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
            var has = labels.TryGetValue(key, out var v);
            var ok = expression["operator"]?.Text switch
            {
                "In" => has && values.Contains(v!),
                "NotIn" => !has || !values.Contains(v!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
                return false;
        }
        return true;
    }
}
