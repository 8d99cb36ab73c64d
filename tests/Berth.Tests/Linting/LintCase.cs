using Berth.Apps.Python;
using Berth.Apps;
using Berth.Linting;

namespace Berth.Tests.Linting;

/// <summary>
/// Per-rule fixtures with the expectation inline: a comment line <c>#! ID</c> marks that rule ID must fire on the next instruction;
/// every finding of that rule on an unmarked instruction fails the test. A fixture without markers is a non-firing case.
/// </summary>
public static class LintCase
{
    public static IReadOnlyList<Finding> Assert(string ruleId, string dockerfile, ServiceProfile? app = null, Func<string, bool>? contextFileExists = null, string? dockerignore = null, Berth.Linting.Configuration.LintConfiguration? configuration = null)
    {
        var lines = dockerfile.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var expected = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "#! " + ruleId)
                continue;
            var next = i + 1;
            while (next < lines.Length && (lines[next].TrimStart().StartsWith('#') || lines[next].Trim().Length == 0))
                next++;
            expected.Add(next + 1);
        }
        var findings = DockerfileLinter.Lint("Dockerfile", dockerfile, app, contextFileExists, dockerignore, configuration).Where(f => f.Rule == ruleId).ToList();
        Xunit.Assert.Equal(expected.Distinct().Order(), findings.Select(f => f.Line).Distinct().Order());
        return findings;
    }

    public static ServiceProfile App(int port = 8000, params string[] healthPaths) => new()
    {
        Name = "app",
        Path = ".",
        BuildContext = ".",
        Runtime = new RuntimeInfo("python", "3.11", "default"),
        Framework = "fastapi",
        Port = port,
        Health = healthPaths.Select(p => new HealthRoute(p, ["GET", "HEAD"], "app/main.py:10")).ToList(),
        Env = [],
        PackageManager = "pip",
        Evidence = [new Evidence($"port {port} in uvicorn.run(...)", "app/main.py", 20)],
        Python = new PythonFacts { Interface = "asgi", Entrypoint = "app.main:app", ImportRoot = ".", Server = "uvicorn" },
    };
}
