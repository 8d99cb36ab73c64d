using System.Globalization;
using System.Text;
using Berth.Apps;

namespace Berth.Generation.Node;

/// <summary>
/// Renders a <see cref="NodeImagePlan"/> as a multi-stage Dockerfile: deps (every dependency, frozen) → build → runtime, with a
/// production-only install in a stage of its own that nothing builds with. Same plan, same bytes.
/// </summary>
public static class NodeDockerfileWriter
{
    public static string Write(NodeImagePlan plan, OutputLayout layout)
    {
        var text = new StringBuilder();
        var node = plan.Node;
        Header(text, plan, layout);
        text.Append("ARG NODE_VERSION=").Append(plan.NodeMajor).Append('\n');
        text.Append("ARG BUILD_IMAGE=node:${NODE_VERSION}-bookworm-slim\n");
        text.Append("ARG RUNTIME_IMAGE=").Append(plan.Runtime == RuntimeFlavor.Distroless ? "gcr.io/distroless/nodejs${NODE_VERSION}-debian12:nonroot" : "node:${NODE_VERSION}-bookworm-slim").Append("\n\n");

        Deps(text, plan);
        if (plan.BuildCommand is not null)
            Build(text, plan);
        if (node.Kind == "server" || (node.Kind == "next" && !plan.Standalone))
            ProductionFiles(text, plan);
        if (node.Kind == "static")
            StaticServer(text);
        if (plan.UseTini)
            Tini(text);
        Runtime(text, plan);
        return text.ToString();
    }

    private static void Header(StringBuilder text, NodeImagePlan plan, OutputLayout layout)
    {
        var p = plan.Profile;
        var node = plan.Node;
        var what = node.Kind switch
        {
            "next" => $"Next.js app ({(node.NextOutput is null ? "no standalone output" : node.NextOutput + " output")})",
            "static" => $"{p.Framework} static site ({node.StaticOutput}/)",
            _ => $"{p.Framework} server {node.Entry}",
        };
        text.Append("# Dockerfile for ").Append(p.Name).Append(", written by `berth init` from what `berth scan` found:\n");
        text.Append("#   ").Append(what).Append(", Node.js ").Append(plan.NodeMajor).Append(" (").Append(p.Runtime.VersionSource).Append("), ")
            .Append(p.PackageManager).Append(p.LockFile is null ? " (no lock file)" : " with " + p.LockFile).Append('\n');
        text.Append("#   serves port ").Append(p.Port)
            .Append(plan.HealthRoute is null ? ", no health route (TCP health check)" : $", health check GET {plan.HealthRoute.Path}").Append('\n');
        if (plan.BuildArguments.Count > 0)
            text.Append("#   fixed at build time (build arguments, inlined by the bundler): ").Append(string.Join(", ", plan.BuildArguments)).Append('\n');
        BuildInstructions.Append(text, p, layout, plan.RuntimeImage);
    }

    private static void Deps(StringBuilder text, NodeImagePlan plan)
    {
        text.Append("# ---- deps: every dependency from the lock, dev ones too (the build needs them) ----\n");
        text.Append("FROM ${BUILD_IMAGE} AS deps\n");
        text.Append("WORKDIR ").Append(NodeImagePlan.AppDirectory).Append('\n');
        Install(text, plan, plan.Install.FullInstall);
    }

    private static void Install(StringBuilder text, NodeImagePlan plan, string command)
    {
        if (plan.Install.UsesCorepack)
            text.Append("RUN corepack enable\n");
        CopyInstallFiles(text, plan);
        text.Append("RUN --mount=type=cache,target=").Append(plan.Install.CacheTarget).Append(" \\\n    ").Append(command).Append('\n');
    }

    private static void CopyInstallFiles(StringBuilder text, NodeImagePlan plan)
    {
        // Files at the context root in one COPY; each member's package.json into its own folder.
        var rootFiles = plan.Install.InstallFiles.Where(f => !f.Contains('/', StringComparison.Ordinal)).ToList();
        text.Append("COPY ").Append(string.Join(' ', rootFiles)).Append(" ./\n");
        foreach (var file in plan.Install.InstallFiles.Where(f => f.Contains('/', StringComparison.Ordinal)))
            text.Append("COPY ").Append(file).Append(' ').Append(RelativePath.Parent(file)).Append("/\n");
    }

    private static void Build(StringBuilder text, NodeImagePlan plan)
    {
        var node = plan.Node;
        text.Append("\n# ---- build: the sources, built with every dependency ----\n");
        text.Append("FROM ${BUILD_IMAGE} AS build\n");
        text.Append("WORKDIR ").Append(NodeImagePlan.AppDirectory).Append('\n');
        if (plan.Install.UsesCorepack)
            text.Append("RUN corepack enable\n");
        text.Append("COPY --from=deps ").Append(NodeImagePlan.AppDirectory).Append(" ./\n");
        text.Append("COPY . .\n");
        if (plan.BuildArguments.Count > 0)
        {
            text.Append("# Inlined into the bundle by the build: pass --build-arg NAME=value; setting them when the container starts changes nothing.\n");
            foreach (var name in plan.BuildArguments)
                text.Append("ARG ").Append(name).Append('\n');
        }
        var isNext = node.Kind == "next" || plan.Profile.Framework == "nextjs";
        if (isNext)
            text.Append("ENV NEXT_TELEMETRY_DISABLED=1\n");
        text.Append("RUN ");
        if (isNext)
            text.Append("--mount=type=cache,target=").Append(plan.WorkingDirectory).Append("/.next/cache \\\n    ");
        text.Append(plan.BuildCommand);
        if (node.Kind == "next")
            text.Append(" \\\n && mkdir -p /berth/empty"); // an empty folder to create .next/cache owned by the service user in the runtime
        text.Append('\n');
    }

    /// <summary>The runtime's files for a server or a non-standalone Next.js app: a production-only install, then the sources or build output.</summary>
    private static void ProductionFiles(StringBuilder text, NodeImagePlan plan)
    {
        var node = plan.Node;
        text.Append("\n# ---- production: production dependencies only, then what runs (nothing builds with this stage) ----\n");
        text.Append("FROM ${BUILD_IMAGE} AS production\n");
        text.Append("WORKDIR ").Append(NodeImagePlan.AppDirectory).Append('\n');
        Install(text, plan, plan.Install.ProductionInstall);
        var service = plan.ServiceInContext == "." ? "" : plan.ServiceInContext + "/";
        if (node.Kind == "next")
        {
            text.Append("COPY --from=build ").Append(NodeImagePlan.AppDirectory).Append('/').Append(service).Append(".next ./").Append(service).Append(".next\n");
            if (node.HasPublicFolder)
                text.Append("COPY ").Append(service).Append("public ./").Append(service).Append("public\n");
            if (node.NextConfigFile is { } config)
            {
                var inContext = RelativePath.Under(config, plan.Profile.BuildContext);
                text.Append("COPY ").Append(inContext).Append(' ').Append(service.Length == 0 ? "./" : service).Append('\n');
            }
            return;
        }
        text.Append("COPY . .\n");
        if (plan.BuildCommand is not null && BuildOutputFolder(node.Entry!) is { } output)
            text.Append("COPY --from=build ").Append(NodeImagePlan.AppDirectory).Append('/').Append(service).Append(output).Append(" ./").Append(service).Append(output).Append('\n');
    }

    /// <summary>The folder the build writes the entry into ("dist" of dist/main.js), or null for an entry at the service root.</summary>
    private static string? BuildOutputFolder(string entry) => entry.Contains('/', StringComparison.Ordinal) ? entry[..entry.IndexOf('/', StringComparison.Ordinal)] : null;

    private static void StaticServer(StringBuilder text)
    {
        text.Append("\n# ---- static-server: Berth's dependency-free static file server (SPA fallback to index.html, GET/HEAD, SIGTERM) ----\n");
        text.Append("FROM ${BUILD_IMAGE} AS static-server\n");
        text.Append("RUN mkdir -p /berth && printf '%s\\n' \\\n");
        for (var i = 0; i < NodeStaticServer.Lines.Count; i++)
            text.Append("    '").Append(NodeStaticServer.Lines[i]).Append("' \\\n");
        text.Append("    > /berth/").Append(NodeStaticServer.FileName).Append('\n');
    }

    private static void Tini(StringBuilder text)
    {
        text.Append("\n# ---- tini: Debian's statically linked init, so SIGTERM reaches node and stops it ----\n");
        text.Append("FROM ${BUILD_IMAGE} AS tini\n");
        text.Append("RUN apt-get update \\\n");
        text.Append(" && apt-get install -y --no-install-recommends tini \\\n");
        text.Append(" && rm -rf /var/lib/apt/lists/*\n");
    }

    private static void Runtime(StringBuilder text, NodeImagePlan plan)
    {
        var p = plan.Profile;
        var node = plan.Node;
        var port = p.Port.ToString(CultureInfo.InvariantCulture);
        var uid = plan.Uid.ToString(CultureInfo.InvariantCulture);
        var service = plan.ServiceInContext == "." ? "" : plan.ServiceInContext + "/";
        text.Append("\n# ---- runtime: ").Append(node.Kind switch
        {
            "static" => "the built site and the static server, nothing else",
            "next" when plan.Standalone => node.HasPublicFolder ? "the standalone server, its static files and public/, nothing else" : "the standalone server and its static files, nothing else",
            "next" => "production node_modules and the .next build",
            _ => "production node_modules and the app",
        }).Append(" ----\n");
        text.Append("FROM ${RUNTIME_IMAGE} AS runtime\n");
        text.Append("ARG RUNTIME_IMAGE\n");
        text.Append("LABEL org.opencontainers.image.title=\"").Append(p.Name).Append("\" \\\n");
        text.Append("      org.opencontainers.image.description=\"").Append(p.Framework).Append(" service, generated by berth init\" \\\n");
        text.Append("      org.opencontainers.image.base.name=\"${RUNTIME_IMAGE}\"\n");

        var env = new List<(string, string)> { ("NODE_ENV", "production") };
        if (node.Kind == "next")
            env.Add(("NEXT_TELEMETRY_DISABLED", "1"));
        if (plan.Standalone)
            env.Add(("HOSTNAME", "0.0.0.0"));
        if (node.Kind == "static")
            env.Add(("STATIC_ROOT", NodeImagePlan.AppDirectory + "/site"));
        env.Add(("PORT", port));
        text.Append("ENV ");
        for (var i = 0; i < env.Count; i++)
            text.Append(i == 0 ? "" : "    ").Append(env[i].Item1).Append('=').Append(env[i].Item2).Append(i == env.Count - 1 ? "\n" : " \\\n");
        text.Append("WORKDIR ").Append(NodeImagePlan.AppDirectory).Append('\n');
        if (plan.UseTini)
            text.Append("COPY --from=tini /usr/bin/tini-static ").Append(NodeImagePlan.TiniPath).Append('\n');
        text.Append("# The app's files stay owned by root: the service user can read them, not change them.\n");
        switch (node.Kind)
        {
            case "static":
                text.Append("COPY --from=static-server /berth/").Append(NodeStaticServer.FileName).Append(' ').Append(NodeStaticServer.FileName).Append('\n');
                text.Append("COPY --from=build ").Append(NodeImagePlan.AppDirectory).Append('/').Append(service).Append(node.StaticOutput).Append(" ./site\n");
                break;
            case "next" when plan.Standalone:
                text.Append("COPY --from=build ").Append(NodeImagePlan.AppDirectory).Append('/').Append(service).Append(".next/standalone ./\n");
                text.Append("COPY --from=build ").Append(NodeImagePlan.AppDirectory).Append('/').Append(service).Append(".next/static ./").Append(service).Append(".next/static\n");
                if (node.HasPublicFolder)
                    text.Append("COPY --from=build ").Append(NodeImagePlan.AppDirectory).Append('/').Append(service).Append("public ./").Append(service).Append("public\n");
                text.Append("# Next.js writes its image and fetch cache here at run time: the one folder the service user owns.\n");
                text.Append("COPY --from=build --chown=").Append(uid).Append(':').Append(uid).Append(" /berth/empty ./").Append(service).Append(".next/cache\n");
                break;
            default:
                text.Append("COPY --from=production ").Append(NodeImagePlan.AppDirectory).Append(" ./\n");
                if (node.Kind == "next")
                {
                    text.Append("# Next.js writes its image and fetch cache here at run time: the one folder the service user owns.\n");
                    text.Append("COPY --from=build --chown=").Append(uid).Append(':').Append(uid).Append(" /berth/empty ./").Append(service).Append(".next/cache\n");
                }
                break;
        }
        if (service.Length > 0)
            text.Append("WORKDIR ").Append(plan.WorkingDirectory).Append('\n');
        text.Append("USER ").Append(uid).Append(':').Append(uid).Append('\n');
        text.Append("EXPOSE ").Append(port).Append('\n');
        text.Append("HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \\\n");
        text.Append("    CMD [\"").Append(plan.NodeBinary).Append("\", \"-e\", \"").Append(HealthScript(plan).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]\n");
        text.Append("ENTRYPOINT [").Append(string.Join(", ", plan.Command.Select(a => "\"" + a + "\""))).Append("]\n");
    }

    private static string HealthScript(NodeImagePlan plan)
    {
        var port = plan.Profile.Port.ToString(CultureInfo.InvariantCulture);
        if (plan.HealthRoute is null)
            return $"require('net').connect({port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))";
        return $"fetch('http://127.0.0.1:{port}{plan.HealthRoute.Path}', {{ signal: AbortSignal.timeout(4000) }}).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))";
    }
}
