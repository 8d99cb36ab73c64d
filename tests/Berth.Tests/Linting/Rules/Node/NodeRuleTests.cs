using Berth.Apps;
using Berth.Apps.Node;

namespace Berth.Tests.Linting.Rules.Node;

internal static class NodeApps
{
    public static ServiceProfile Next(string? output, bool hasPublic = true, params string[] native) => new()
    {
        Name = "web",
        Path = ".",
        BuildContext = ".",
        Runtime = new RuntimeInfo("node", "20", "default"),
        Framework = "nextjs",
        Port = 3000,
        Health = [],
        Env = [new EnvVariable("BUILD_SHA", false, false, "next.config.mjs:3", null, BuildTime: true)],
        PackageManager = "npm",
        Node = new NodeFacts { Kind = "next", NextOutput = output, NextConfigFile = "next.config.mjs", HasPublicFolder = hasPublic, NativeModules = native },
    };
}

public sealed class PackageManagerStartAsCommandTests
{
    [Fact]
    public void Fires_on_npm_start_and_yarn_start_even_under_tini()
    {
        LintCase.Assert("BDF528", """
            FROM node:20-bookworm-slim
            #! BDF528
            CMD ["npm", "start"]
            """);
        LintCase.Assert("BDF528", """
            FROM node:20-bookworm-slim
            #! BDF528
            ENTRYPOINT ["/usr/bin/tini", "--", "yarn", "start"]
            """);
        LintCase.Assert("BDF528", """
            FROM node:20-bookworm-slim
            #! BDF528
            CMD npm run serve
            """);
    }

    [Fact]
    public void Quiet_on_node_directly_and_npm_in_an_earlier_stage() => LintCase.Assert("BDF528", """
        FROM node:20-bookworm-slim AS dev
        CMD ["npm", "run", "dev"]
        FROM node:20-bookworm-slim
        ENTRYPOINT ["/usr/local/bin/tini", "--", "node", "server.js"]
        """);
}

public sealed class BuildTimeVariableSetAtRunTimeTests
{
    [Fact]
    public void Fires_on_next_public_set_in_the_runtime_stage_and_on_an_app_build_time_variable()
    {
        LintCase.Assert("BDF529", """
            FROM node:20-bookworm-slim AS build
            RUN npm ci && npm run build
            FROM node:20-bookworm-slim
            #! BDF529
            ENV NEXT_PUBLIC_API_URL=http://api:8000 PORT=3000
            CMD ["node", "server.js"]
            """);
        LintCase.Assert("BDF529", """
            FROM node:20-bookworm-slim
            #! BDF529
            ENV BUILD_SHA=abc
            CMD ["node", "server.js"]
            """, NodeApps.Next("standalone"));
    }

    [Fact]
    public void Quiet_when_set_before_the_build_that_inlines_it() => LintCase.Assert("BDF529", """
        FROM node:20-bookworm-slim AS build
        ARG VITE_API_URL
        ENV VITE_API_URL=${VITE_API_URL}
        RUN npm ci && npm run build
        FROM node:20-bookworm-slim
        ENV PORT=8080
        """);
}

public sealed class NextStandaloneWithoutStaticOrPublicTests
{
    [Fact]
    public void Fires_when_static_or_public_is_missing()
    {
        LintCase.Assert("BDF312", """
            FROM node:20-bookworm-slim
            WORKDIR /app
            #! BDF312
            COPY --from=build /app/.next/standalone ./
            COPY --from=build /app/public ./public
            """);
        LintCase.Assert("BDF312", """
            FROM node:20-bookworm-slim
            #! BDF312
            COPY --from=build /app/.next/standalone ./
            COPY --from=build /app/.next/static ./.next/static
            """, NodeApps.Next("standalone", hasPublic: true));
    }

    [Fact]
    public void Quiet_when_both_are_copied_or_the_app_has_no_public_folder()
    {
        LintCase.Assert("BDF312", """
            FROM node:20-bookworm-slim
            COPY --from=build /app/.next/standalone ./
            COPY --from=build /app/.next/static ./.next/static
            COPY --from=build /app/public ./public
            """);
        LintCase.Assert("BDF312", """
            FROM node:20-bookworm-slim
            COPY --from=build /app/.next/standalone ./
            COPY --from=build /app/.next/static ./.next/static
            """, NodeApps.Next("standalone", hasPublic: false));
    }
}

public sealed class StandaloneCopiedWithoutStandaloneOutputTests
{
    private const string Dockerfile = """
        FROM node:20-bookworm-slim
        #! BAP003
        COPY --from=build /app/.next/standalone ./
        COPY --from=build /app/.next/static ./.next/static
        COPY --from=build /app/public ./public
        """;

    [Fact]
    public void Fires_when_next_config_has_no_standalone_output() => LintCase.Assert("BAP003", Dockerfile, NodeApps.Next(null));

    [Fact]
    public void Quiet_with_standalone_output_or_without_the_app()
    {
        LintCase.Assert("BAP003", Dockerfile.Replace("#! BAP003\n", "", StringComparison.Ordinal), NodeApps.Next("standalone"));
        LintCase.Assert("BAP003", Dockerfile.Replace("#! BAP003\n", "", StringComparison.Ordinal));
    }
}

public sealed class NativeModulesAcrossLibcTests
{
    [Fact]
    public void Fires_on_an_alpine_builder_into_a_debian_runtime_and_back()
    {
        LintCase.Assert("BDF116", """
            FROM node:20-alpine AS deps
            WORKDIR /app
            RUN npm ci && npm install sharp
            FROM node:20-bookworm-slim
            #! BDF116
            COPY --from=deps /app/node_modules ./node_modules
            """);
        LintCase.Assert("BDF116", """
            FROM node:20-bookworm-slim AS build
            WORKDIR /app
            RUN npm ci
            FROM node:20-alpine
            #! BDF116
            COPY --from=build /app/.next/standalone ./
            """, NodeApps.Next("standalone", true, "sharp"));
    }

    [Fact]
    public void Quiet_on_the_same_libc_or_without_native_modules()
    {
        LintCase.Assert("BDF116", """
            FROM node:20-bookworm-slim AS deps
            RUN npm ci && npm install bcrypt
            FROM gcr.io/distroless/nodejs20-debian12:nonroot
            COPY --from=deps /app/node_modules ./node_modules
            """);
        LintCase.Assert("BDF116", """
            FROM node:20-alpine AS deps
            RUN npm ci
            FROM node:20-bookworm-slim
            COPY --from=deps /app/node_modules ./node_modules
            """);
    }
}
