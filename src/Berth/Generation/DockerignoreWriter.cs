using System.Text;
using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// The build context filter: version control, caches, virtualenvs, tests, docs, local env files and keys stay out of the image;
/// everything the Dockerfile copies by name stays in.
/// </summary>
public static class DockerignoreWriter
{
    /// <summary>The filter: the sections every stack needs, with the stack's own (caches, build output, dev-only files) in between.</summary>
    public static string Write(ServiceProfile profile, IReadOnlyList<IgnoreSection> stackSections)
    {
        var text = new StringBuilder();
        text.Append("# Build context filter for ").Append(profile.Name).Append(", written by `berth init`.\n");
        text.Append("# Keeps secrets, version control, caches and dev-only files out of the image and the build cache.\n\n");

        Section(text, "Version control and CI", [".git", ".gitignore", ".gitattributes", ".hg", ".svn", ".github", ".gitlab-ci.yml"]);
        Section(text, "Secrets and local configuration (.env.example is only a template and may stay)",
            [".env", ".env.*", "**/.env", "**/.env.*", "!.env.example", "**/*.pem", "**/*.key", "**/id_rsa*", ".netrc", ".pypirc"]);
        foreach (var section in stackSections)
            Section(text, section.Title, section.Patterns);
        Section(text, "Container files themselves (changing them should not bust the app layer)",
            ["Dockerfile", "Dockerfile.*", "*.Dockerfile", ".dockerignore", "compose.yaml", "compose.yml", "docker-compose*.yml", "docker-compose*.yaml"]);
        Section(text, "Kubernetes manifests and the Helm chart (berth init --k8s)", Kubernetes.KubernetesIgnorePatterns.All);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> patterns)
    {
        text.Append("# ").Append(title).Append('\n');
        foreach (var pattern in patterns)
            text.Append(pattern).Append('\n');
        text.Append('\n');
    }
}

/// <summary>One commented block of .dockerignore patterns.</summary>
public sealed record IgnoreSection(string Title, IReadOnlyList<string> Patterns);
