using Berth.Apps;
using Berth.Apps.Node;

namespace Berth.Generation.Node;

/// <summary>
/// How the package manager installs: the files the install needs (lock, workspace file, every member's package.json), the frozen
/// install of every dependency (for the build), the production-only install (for the runtime), its cache folder, and how a script runs.
/// </summary>
public sealed record NodeInstall(
    string Manager,
    IReadOnlyList<string> InstallFiles,
    string FullInstall,
    string ProductionInstall,
    string CacheTarget,
    bool UsesCorepack,
    string Decision)
{
    public static NodeInstall For(ServiceProfile profile)
    {
        var node = profile.NodePart();
        var context = profile.BuildContext;
        var files = new List<string> { "package.json" };
        if (profile.LockFile is { } lockFile)
            files.Add(RelativePath.Under(lockFile, context));
        if (profile.WorkspaceRoot is not null)
        {
            if (profile.PackageManager == "pnpm")
                files.Add("pnpm-workspace.yaml");
            files.AddRange(node.WorkspaceMembers.Select(m => RelativePath.Join(RelativePath.Under(m, context), "package.json")));
        }
        else if (profile.Path != context)
            files.Add(RelativePath.Join(RelativePath.Under(profile.Path, context), "package.json"));
        var locked = profile.LockFile is not null;
        var lockName = profile.LockFile is null ? "no lock file" : RelativePath.FileName(profile.LockFile);
        switch (profile.PackageManager)
        {
            case "pnpm":
                return new NodeInstall("pnpm", files.Distinct().ToList(),
                    locked ? "pnpm install --frozen-lockfile" : "pnpm install",
                    locked ? "pnpm install --frozen-lockfile --prod" : "pnpm install --prod",
                    "/root/.local/share/pnpm/store", true,
                    $"pnpm{Version(node)} through corepack: `pnpm install --frozen-lockfile` from {lockName} for the build, `--prod` in a separate stage for the runtime");
            case "yarn" when node.YarnBerry:
                return new NodeInstall("yarn", files.Distinct().Concat([".yarnrc.ym[l]"]).ToList(),
                    locked ? "yarn install --immutable" : "yarn install",
                    "yarn workspaces focus --all --production",
                    "/root/.yarn/berry/cache", true,
                    $"yarn (Berry){Version(node)} through corepack: `yarn install --immutable` from {lockName} for the build, `yarn workspaces focus --all --production` in a separate stage for the runtime");
            case "yarn":
                return new NodeInstall("yarn", files.Distinct().ToList(),
                    locked ? "yarn install --frozen-lockfile" : "yarn install",
                    locked ? "yarn install --frozen-lockfile --production" : "yarn install --production",
                    "/usr/local/share/.cache/yarn", false,
                    $"yarn (classic): `yarn install --frozen-lockfile` from {lockName} for the build, `--production` in a separate stage for the runtime");
            case "bun":
                throw new InputException(profile.LockFile ?? profile.ManifestFile ?? profile.Path, 0,
                    $"{profile.Name}: bun projects are not generated yet (Berth writes node images; a bun lock needs bun to install)");
            default:
                return new NodeInstall("npm", files.Distinct().ToList(),
                    locked ? "npm ci --no-audit --no-fund" : "npm install --no-audit --no-fund",
                    locked ? "npm ci --omit=dev --no-audit --no-fund" : "npm install --omit=dev --no-audit --no-fund",
                    "/root/.npm", false,
                    locked
                        ? $"npm ci from {lockName}: every dependency (dev ones too) for the build; `npm ci --omit=dev` in a separate stage for the runtime, never the other way round"
                        : "npm install (no package-lock.json: builds are not repeatable until one is committed); --omit=dev in a separate stage for the runtime");
        }
    }

    /// <summary>The command that runs a package.json script of the service (inside a workspace: of that member).</summary>
    public string RunScript(ServiceProfile profile, string script)
    {
        var node = profile.NodePart();
        if (profile.WorkspaceRoot is null || profile.BuildContext == profile.Path)
            return $"{Manager} run {script}";
        var name = node.PackageName ?? profile.Name;
        if (node.WorkspaceTool == "turbo")
            return $"npx --no-install turbo run {script} --filter={name}";
        if (node.WorkspaceTool == "nx")
            return $"npx --no-install nx run {name}:{script}";
        return Manager switch
        {
            "pnpm" => $"pnpm --filter {name} run {script}",
            "yarn" => $"yarn workspace {name} run {script}",
            _ => $"npm run {script} --workspace {RelativePath.Under(profile.Path, profile.BuildContext)}",
        };
    }

    private static string Version(NodeFacts node) => node.PackageManagerVersion is { } v ? " " + v : "";
}
