using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Berth.Apps.Python.Stated;

/// <summary>
/// One server setting the repository states for production, under one name whatever the server calls it (gunicorn's <c>-w</c> and
/// <c>workers = 2</c>, uvicorn's <c>--workers</c> are all <c>workers</c>; uvicorn's <c>--timeout-keep-alive</c> is <c>keep-alive</c>).
/// Value is as written (null for a switch such as <c>proxy-headers</c>); a value read from a shell variable keeps the variable form
/// (<c>${WEB_CONCURRENCY:-2}</c>). Server is the server the statement is for (gunicorn, uvicorn, fastapi run, hypercorn, granian);
/// Source is file:line.
/// </summary>
public sealed partial record StatedServerOption(string Name, string? Value, string Server, string Source)
{
    /// <summary>The shell variable the value reads (<c>WORKERS</c> for <c>$WORKERS</c> or <c>${WORKERS:-2}</c>), or null for a literal.</summary>
    [JsonIgnore]
    public string? Variable => Value is null ? null : VariableForm().Match(Value) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <summary>The literal the value comes to when nothing sets its variable: the value itself, the variable's default, or null when it has none.</summary>
    [JsonIgnore]
    public string? Literal => Value is null ? null
        : VariableForm().Match(Value) is { Success: true } m ? (m.Groups["default"].Success && m.Groups["default"].Value.Length > 0 ? m.Groups["default"].Value : null)
        : Value;

    /// <summary>How the repository writes it, for plans and notes: <c>--workers 4</c>, <c>--proxy-headers</c>.</summary>
    [JsonIgnore]
    public string Shown => Value is null ? "--" + Name : $"--{Name} {Value}";

    [GeneratedRegex(@"^\$\{?(?<name>[A-Za-z_]\w*)(?::?-(?<default>[^}]*))?\}?$")]
    private static partial Regex VariableForm();
}
