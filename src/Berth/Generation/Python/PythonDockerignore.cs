using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>The Python blocks of a service's .dockerignore: caches, virtualenvs, build output, tests and dev-only requirements files.</summary>
public static class PythonDockerignore
{
    public static IReadOnlyList<IgnoreSection> Sections(ServiceProfile profile)
    {
        var devFiles = new List<string> { "tests", "**/tests", "docs", "*.log", ".idea", ".vscode", "node_modules" };
        // Dev-only requirements files: production ones are copied by name and must stay.
        devFiles.AddRange(DevRequirementFiles(profile));
        return
        [
            new IgnoreSection("Python caches, virtualenvs and build output",
                ["**/__pycache__", "**/*.py[cod]", "**/.pytest_cache", "**/.mypy_cache", "**/.ruff_cache", ".tox", ".nox", ".venv", "venv", "**/.venv",
                 ".coverage", ".coverage.*", "htmlcov", "*.egg-info", "build", "dist", ".cache"]),
            new IgnoreSection("Tests, docs, editors and dev-only dependency files", devFiles),
            .. ConfigSelection.DockerignoreSections(profile),
        ];
    }

    private static IEnumerable<string> DevRequirementFiles(ServiceProfile profile)
    {
        var python = profile.PythonPart();
        var production = python.RequirementFiles.Select(r => RelativePath.Under(r, profile.BuildContext)).ToList();
        return python.DevRequirementFiles
            .Where(f => RelativePath.IsAtOrBelow(f, profile.BuildContext))
            .Select(f => RelativePath.Under(f, profile.BuildContext))
            .Where(f => !production.Contains(f))
            .Distinct(StringComparer.Ordinal);
    }
}
