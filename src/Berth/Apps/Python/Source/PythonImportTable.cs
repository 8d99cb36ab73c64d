namespace Berth.Apps.Python.Source;

/// <summary>
/// The names a file's imports bind, used to turn what is written (<c>F</c>, <c>fastapi.FastAPI</c>, <c>environ</c>)
/// into fully qualified names. Imports anywhere in the file count (a factory often imports inside its body).
/// A name bound more than once (try/except ImportError fallbacks) keeps every candidate, first one first.
/// </summary>
internal sealed class PythonImportTable
{
    private const int MaxCandidates = 8;

    private readonly Dictionary<string, List<string>> _bindings = new(StringComparer.Ordinal);
    private readonly List<string> _starModules = [];

    public List<PythonImport> Imports { get; } = [];

    /// <summary>Reads an <c>import</c> or <c>from ... import</c> statement; returns false for anything else.</summary>
    public bool TryAdd(TokenSpan statement)
    {
        if (statement.Count == 0)
        {
            return false;
        }

        if (statement[0].IsName("import"))
        {
            AddImport(statement);
            return true;
        }

        if (statement[0].IsName("from"))
        {
            AddFromImport(statement);
            return true;
        }

        return false;
    }

    /// <summary>Every qualified name the dotted name could mean, most likely first; the name itself when nothing binds it.</summary>
    public IReadOnlyList<string> Candidates(string dotted)
    {
        var dot = dotted.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? dotted : dotted[..dot];
        var rest = dot < 0 ? "" : dotted[dot..];
        if (_bindings.TryGetValue(head, out var targets))
        {
            if (targets.Count == 1)
            {
                return [targets[0] + rest];
            }

            var candidates = new List<string>(targets.Count);
            foreach (var target in targets)
            {
                candidates.Add(target + rest);
            }

            return candidates;
        }

        if (_starModules.Count == 0)
        {
            return [dotted];
        }

        var starred = new List<string>(_starModules.Count + 1);
        foreach (var module in _starModules)
        {
            starred.Add(Join(module, dotted));
        }

        starred.Add(dotted);
        return starred;
    }

    public string Qualify(string dotted) => Candidates(dotted)[0];

    /// <summary>Whether the name is bound by an import (as opposed to unknown or defined locally).</summary>
    public bool IsImported(string name) => _bindings.ContainsKey(name);

    /// <summary>True when some import names a module under <paramref name="root"/>.</summary>
    public bool ImportsFrom(string root)
    {
        foreach (var import in Imports)
        {
            if (import.Module == root || import.Module.StartsWith(root + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void AddImport(TokenSpan statement)
    {
        var line = statement[0].Line;
        var i = 1;
        while (i < statement.Count)
        {
            var module = ReadDotted(statement, ref i);
            string? alias = null;
            if (i + 1 < statement.Count && statement[i].IsName("as") && statement[i + 1].Kind == PythonTokenKind.Name)
            {
                alias = statement[i + 1].Text;
                i += 2;
            }

            if (module.Length > 0)
            {
                Imports.Add(new PythonImport(module, [], alias, line));
                if (alias is not null)
                {
                    Bind(alias, module);
                }
                else
                {
                    var head = module.Split('.')[0];
                    Bind(head, head);
                }
            }

            if (i < statement.Count && statement[i].IsOperator(","))
            {
                i++;
            }
            else
            {
                break;
            }
        }
    }

    private void AddFromImport(TokenSpan statement)
    {
        var line = statement[0].Line;
        var i = 1;
        var dots = "";
        while (i < statement.Count && (statement[i].IsOperator(".") || statement[i].IsOperator("...")))
        {
            dots += statement[i].Text;
            i++;
        }

        var module = dots + ReadDotted(statement, ref i);
        if (module.Length == 0 || i >= statement.Count || !statement[i].IsName("import"))
        {
            return;
        }

        i++;
        var names = new List<ImportedName>();
        for (; i < statement.Count; i++)
        {
            var token = statement[i];
            if (token.IsOperator("*"))
            {
                names.Add(new ImportedName("*", null));
                _starModules.Add(module);
            }
            else if (token.Kind == PythonTokenKind.Name)
            {
                string? alias = null;
                if (i + 2 < statement.Count && statement[i + 1].IsName("as") && statement[i + 2].Kind == PythonTokenKind.Name)
                {
                    alias = statement[i + 2].Text;
                    i += 2;
                }

                names.Add(new ImportedName(token.Text, alias));
                Bind(alias ?? token.Text, Join(module, token.Text));
            }
        }

        Imports.Add(new PythonImport(module, names, null, line));
    }

    private static string ReadDotted(TokenSpan statement, ref int i)
    {
        var parts = new List<string>();
        while (i < statement.Count && statement[i].Kind == PythonTokenKind.Name && !statement[i].IsName("import") && !statement[i].IsName("as"))
        {
            parts.Add(statement[i].Text);
            i++;
            if (i + 1 < statement.Count && statement[i].IsOperator(".") && statement[i + 1].Kind == PythonTokenKind.Name)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return string.Join('.', parts);
    }

    private void Bind(string name, string target)
    {
        if (!_bindings.TryGetValue(name, out var targets))
        {
            _bindings[name] = [target];
        }
        else if (targets.Count < MaxCandidates && !targets.Contains(target, StringComparer.Ordinal))
        {
            targets.Add(target);
        }
    }

    private static string Join(string module, string name) => module.EndsWith('.') ? module + name : module + "." + name;
}
