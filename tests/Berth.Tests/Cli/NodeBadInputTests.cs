using Berth.Tests.Support;

namespace Berth.Tests.Cli;

/// <summary>Node bad input through the CLI: exit 2, the file and line in the message, no stack trace, nothing written.</summary>
public sealed class NodeBadInputTests
{
    private const string Server = "app.listen(3000);\n";

    public static TheoryData<string, string> Cases() => new()
    {
        { "broken-package-json", @"web/package\.json:3: not valid JSON" },
        { "lock-disagrees", @"package\.json:5: zod is in dependencies but not in package-lock\.json" },
        { "two-locks", @"package-lock\.json: two lock files in the root folder: yarn\.lock and package-lock\.json" },
        { "workspace-cycle", @"packages/b/package\.json:4: workspace cycle: a → b → a" },
    };

    private static Dictionary<string, string> Tree(string name) => name switch
    {
        "broken-package-json" => new() { ["web/package.json"] = "{\n  \"name\": \"web\"\n  \"dependencies\": { \"next\": \"15\" }\n}\n" },
        "lock-disagrees" => new()
        {
            ["package.json"] = "{\n  \"scripts\": { \"start\": \"node s.js\" },\n  \"dependencies\": {\n    \"express\": \"4\",\n    \"zod\": \"3\"\n  }\n}\n",
            ["package-lock.json"] = """{ "lockfileVersion": 3, "packages": { "": { "dependencies": { "express": "4" } }, "node_modules/express": {} } }""",
            ["s.js"] = Server,
        },
        "two-locks" => new()
        {
            ["package.json"] = """{ "scripts": { "start": "node s.js" }, "dependencies": { "express": "4" } }""",
            ["package-lock.json"] = """{ "lockfileVersion": 3, "packages": { "": { "dependencies": { "express": "4" } } } }""",
            ["yarn.lock"] = "# yarn lockfile v1\n",
            ["s.js"] = Server,
        },
        _ => new()
        {
            ["package.json"] = """{ "workspaces": ["packages/*"] }""",
            ["packages/a/package.json"] = "{\n  \"name\": \"a\",\n  \"dependencies\": { \"b\": \"*\" }\n}\n",
            ["packages/b/package.json"] = "{\n  \"name\": \"b\",\n  \"dependencies\": {\n    \"a\": \"*\"\n  }\n}\n",
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Init_exits_2_names_file_and_line_and_writes_nothing(string name, string message)
    {
        using var tree = new TempTree(Tree(name));
        var before = tree.Files();
        var run = BerthCli.Run("init", tree.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(message, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal(before, tree.Files());
    }
}
