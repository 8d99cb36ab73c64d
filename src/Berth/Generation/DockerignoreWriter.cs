using System.Text;
using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// The build context filter: version control, caches, virtualenvs, tests, docs, local env files and keys stay out of the image;
/// everything the Dockerfile copies by name stays in.
/// </summary>
public static class DockerignoreWriter
{
    public static string Write(ServiceProfile profile)
    {
        var text = new StringBuilder();
        text.Append("# Build context filter for ").Append(profile.Name).Append(", written by `berth init`.\n");
        text.Append("# Keeps secrets, version control, caches and dev-only files out of the image and the build cache.\n\n");

        Section(text, "Version control and CI", [".git", ".gitignore", ".gitattributes", ".hg", ".svn", ".github", ".gitlab-ci.yml"]);
        Section(text, "Secrets and local configuration (.env.example is only a template and may stay)",
            [".env", ".env.*", "**/.env", "**/.env.*", "!.env.example", "**/*.pem", "**/*.key", "**/id_rsa*", ".netrc", ".pypirc"]);
        Section(text, "Python caches, virtualenvs and build output",
            ["**/__pycache__", "**/*.py[cod]", "**/.pytest_cache", "**/.mypy_cache", "**/.ruff_cache", ".tox", ".nox", ".venv", "venv", "**/.venv",
             ".coverage", ".coverage.*", "htmlcov", "*.egg-info", "build", "dist", ".cache"]);
        var devFiles = new List<string> { "tests", "**/tests", "docs", "*.log", ".idea", ".vscode", "node_modules" };
        // Dev-only requirements files: production ones are copied by name and must stay.
        devFiles.AddRange(DevRequirementFiles(profile));
        Section(text, "Tests, docs, editors and dev-only dependency files", devFiles);
        Section(text, "Container files themselves (changing them should not bust the app layer)",
            ["Dockerfile", "Dockerfile.*", "*.Dockerfile", ".dockerignore", "compose.yaml", "compose.yml", "docker-compose*.yml", "docker-compose*.yaml"]);
        return text.ToString();
    }

    private static IEnumerable<string> DevRequirementFiles(ServiceProfile profile) =>
        profile.DevRequirementFiles
            .Where(f => RelativePath.IsAtOrBelow(f, profile.BuildContext))
            .Select(f => RelativePath.Under(f, profile.BuildContext))
            .Where(f => !profile.RequirementFiles.Select(r => RelativePath.Under(r, profile.BuildContext)).Contains(f))
            .Distinct(StringComparer.Ordinal);

    private static void Section(StringBuilder text, string title, IEnumerable<string> patterns)
    {
        text.Append("# ").Append(title).Append('\n');
        foreach (var pattern in patterns)
            text.Append(pattern).Append('\n');
        text.Append('\n');
    }
}
