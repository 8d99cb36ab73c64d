using Tomlyn.Model;

namespace Berth.Apps.Python.Manifests;

/// <summary>
/// The types PEP 517/518/621/735, Poetry and uv give the pyproject.toml keys Berth reads: a value of another type
/// (<c>dependencies = "fastapi"</c>, <c>requires-python = [">=3.11"]</c>, <c>name = 5</c>) is an input error at its line,
/// as pip, uv and Poetry refuse it too, rather than a manifest read as if the key were absent.
/// </summary>
internal static class PyprojectSchema
{
    public static void Check(TomlDocument document)
    {
        var root = document.Root;
        if (Expect(document, root, "project", "", TomlKind.Table) is TomlTable project)
        {
            Expect(document, project, "name", "[project]", TomlKind.String);
            Expect(document, project, "version", "[project]", TomlKind.String);
            Expect(document, project, "requires-python", "[project]", TomlKind.String);
            StringArray(document, project, "dependencies", "[project]");
            StringArray(document, project, "dynamic", "[project]");
            if (Expect(document, project, "optional-dependencies", "[project]", TomlKind.Table) is TomlTable optional)
            {
                foreach (var extra in optional.Keys.ToList())
                    StringArray(document, optional, extra, "[project.optional-dependencies]");
            }

            foreach (var scripts in new[] { "scripts", "gui-scripts" })
            {
                if (Expect(document, project, scripts, "[project]", TomlKind.Table) is TomlTable table)
                {
                    foreach (var name in table.Keys.ToList())
                        Expect(document, table, name, $"[project.{scripts}]", TomlKind.String);
                }
            }
        }

        if (Expect(document, root, "build-system", "", TomlKind.Table) is TomlTable build)
        {
            StringArray(document, build, "requires", "[build-system]");
            Expect(document, build, "build-backend", "[build-system]", TomlKind.String);
        }

        if (Expect(document, root, "dependency-groups", "", TomlKind.Table) is TomlTable groups)
        {
            foreach (var group in groups.Keys.ToList())
                Expect(document, groups, group, "[dependency-groups]", TomlKind.Array);
        }

        var tool = Expect(document, root, "tool", "", TomlKind.Table) as TomlTable;
        if (Expect(document, tool, "poetry", "[tool]", TomlKind.Table) is TomlTable poetry)
        {
            Expect(document, poetry, "name", "[tool.poetry]", TomlKind.String);
            Expect(document, poetry, "version", "[tool.poetry]", TomlKind.String);
            foreach (var table in new[] { "dependencies", "dev-dependencies" })
            {
                if (Expect(document, poetry, table, "[tool.poetry]", TomlKind.Table) is TomlTable dependencies)
                    PoetryDependencies(document, dependencies, $"[tool.poetry.{table}]");
            }

            if (Expect(document, poetry, "group", "[tool.poetry]", TomlKind.Table) is TomlTable poetryGroups)
            {
                foreach (var name in poetryGroups.Keys.ToList())
                {
                    if (Expect(document, poetryGroups, name, "[tool.poetry.group]", TomlKind.Table) is TomlTable group
                        && Expect(document, group, "dependencies", $"[tool.poetry.group.{name}]", TomlKind.Table) is TomlTable dependencies)
                        PoetryDependencies(document, dependencies, $"[tool.poetry.group.{name}.dependencies]");
                }
            }
        }

        if (Expect(document, tool, "uv", "[tool]", TomlKind.Table) is TomlTable uv)
        {
            StringArray(document, uv, "dev-dependencies", "[tool.uv]");
            if (Expect(document, uv, "workspace", "[tool.uv]", TomlKind.Table) is TomlTable workspace)
            {
                StringArray(document, workspace, "members", "[tool.uv.workspace]");
                StringArray(document, workspace, "exclude", "[tool.uv.workspace]");
            }
        }
    }

    /// <summary>Poetry dependency values are a constraint string, a table, or an array of tables (per-marker variants).</summary>
    private static void PoetryDependencies(TomlDocument document, TomlTable dependencies, string where)
    {
        foreach (var (name, value) in dependencies)
        {
            var fine = value is string or TomlTable || (value is TomlArray array && array.All(item => item is TomlTable));
            if (!fine)
                throw Wrong(document, dependencies, name, where, "a version string or a table", value);
        }
    }

    private static void StringArray(TomlDocument document, TomlTable table, string key, string where)
    {
        if (Expect(document, table, key, where, TomlKind.Array) is not TomlArray array)
            return;
        var cursor = document.LineOf(table, key);
        foreach (var item in array)
        {
            if (item is string text)
            {
                cursor = document.LineOfString(text, cursor);
                continue;
            }

            // PEP 735 include-group tables are allowed only in [dependency-groups], which is checked as an array.
            var written = Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } literal && item is not TomlTable and not TomlArray
                ? document.LineOfKey(literal.ToLowerInvariant(), cursor)
                : cursor;
            throw new InputException(document.Path, written, $"{Label(where, key)} must hold strings, but one item is {KindOf(item)}");
        }
    }

    private static object? Expect(TomlDocument document, TomlTable? table, string key, string where, TomlKind kind)
    {
        if (table is null || !table.TryGetValue(key, out var value))
            return null;
        var fine = kind switch
        {
            TomlKind.String => value is string,
            TomlKind.Array => value is TomlArray,
            TomlKind.Table => value is TomlTable,
            _ => false,
        };
        if (!fine)
            throw Wrong(document, table, key, where, kind switch { TomlKind.String => "a string", TomlKind.Array => "an array", _ => "a table" }, value);
        return value;
    }

    private static InputException Wrong(TomlDocument document, TomlTable table, string key, string where, string expected, object? value) =>
        new(document.Path, document.LineOf(table, key), $"{Label(where, key)} must be {expected}, but it is {KindOf(value)}");

    private static string Label(string where, string key) => where.Length == 0 ? $"[{key}]" : $"{where} {key}";

    private static string KindOf(object? value) => value switch
    {
        string => "a string",
        long or int => "an integer",
        double or float => "a float",
        bool => "a boolean",
        TomlArray => "an array",
        TomlTableArray => "an array of tables",
        TomlTable => "a table",
        null => "empty",
        _ => "a date or time",
    };

    private enum TomlKind
    {
        String,
        Array,
        Table,
    }
}
