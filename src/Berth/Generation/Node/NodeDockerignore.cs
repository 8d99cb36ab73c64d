using Berth.Apps;

namespace Berth.Generation.Node;

/// <summary>The Node blocks of a service's .dockerignore: installed packages, build output and caches (the image builds its own), tests and logs.</summary>
public static class NodeDockerignore
{
    public static IReadOnlyList<IgnoreSection> Sections(ServiceProfile profile) =>
    [
        new IgnoreSection("Installed packages, build output and caches (the image installs and builds its own)",
            ["node_modules", "**/node_modules", ".next", "**/.next", "out", "dist", "**/dist", "build", ".turbo", "**/.turbo", ".nx/cache", ".vercel",
             ".pnpm-store", ".yarn/install-state.gz", ".npm", ".eslintcache", "*.tsbuildinfo", ".cache"]),
        new IgnoreSection("Tests, coverage, logs and editors",
            ["coverage", "**/__tests__", "**/*.test.*", "**/*.spec.*", "test", "tests", "e2e", "cypress", "playwright-report",
             "npm-debug.log*", "yarn-debug.log*", "yarn-error.log*", "pnpm-debug.log*", "*.log", ".idea", ".vscode", ".DS_Store"]),
    ];
}
