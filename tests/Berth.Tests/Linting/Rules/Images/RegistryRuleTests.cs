using Berth.Dockerfiles;
using Berth.Linting;
using Berth.Linting.Configuration;
using Berth.Linting.Rules.Images;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Rules.Images;

public sealed class UntrustedRegistryTests
{
    private static LintConfiguration Trusting(params string[] registries) => LintConfiguration.Empty with { TrustedRegistries = registries };

    [Fact]
    public void Fires_on_images_from_other_registries_after_arg_expansion() => LintCase.Assert("BDF115", """
        ARG REGISTRY=ghcr.io
        #! BDF115
        FROM python:3.12-slim AS hub
        #! BDF115
        FROM ${REGISTRY}/acme/base:1 AS expanded
        #! BDF115
        FROM quay.io.evil.com/app:1 AS lookalike
        FROM registry.example.com/python:3.12-slim
        #! BDF115
        COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv
        #! BDF115
        RUN --mount=type=bind,from=busybox:1.36,target=/bb ls /bb
        """, configuration: Trusting("registry.example.com", "quay.io"));

    [Fact]
    public void Quiet_on_trusted_registries_stages_scratch_and_unresolved_images() => LintCase.Assert("BDF115", """
        ARG UNSET
        FROM registry.example.com/python:3.12-slim AS build
        FROM REGISTRY.EXAMPLE.COM/node:22 AS shouted
        FROM scratch AS empty
        FROM ${UNSET}/app:1 AS unknown
        FROM build AS child
        COPY --from=build /app /app
        COPY --from=0 /app /app2
        COPY --from=${UNSET} /x /x
        RUN --mount=type=cache,target=/root/.cache echo
        RUN --mount=from=build,target=/b ls /b
        """, configuration: Trusting("registry.example.com"));

    [Fact]
    public void Quiet_without_trusted_registries_configured() => LintCase.Assert("BDF115", """
        FROM ghcr.io/acme/app:1
        COPY --from=quay.io/x/y:1 /a /a
        """);

    [Fact]
    public void Quiet_on_docker_hub_when_trusted_under_any_of_its_names()
    {
        foreach (var hub in new[] { "docker.io", "hub.docker.com", "index.docker.io", "https://registry-1.docker.io/" })
        {
            LintCase.Assert("BDF115", """
                FROM python:3.12-slim AS one
                FROM bitnami/redis:7 AS two
                FROM docker.io/library/debian:12 AS three
                """, configuration: Trusting(hub));
        }
    }

    [Fact]
    public void Fires_on_registries_read_from_either_config_file()
    {
        foreach (var (file, text) in new[] { (".berth.yaml", "trustedRegistries: [registry.example.com]\n"), (".hadolint.yaml", "trustedRegistries: registry.example.com\n") })
        {
            using var tree = new TempTree(new Dictionary<string, string>
            {
                ["Dockerfile"] = "FROM registry.example.com/python:3.12-slim\nFROM python:3.12-slim\nUSER 10001\nCMD [\"python\"]\n",
                [file] = text,
            });
            var configuration = LintConfigurationLoader.Load(null, [tree.Root], tree.Root);
            var findings = LintRun.Execute([tree.Root], null, configuration).Where(f => f.Rule == "BDF115").ToList();
            Assert.Equal([2], findings.Select(f => f.Line));
            Assert.Contains("BDF115", BerthCli.Run("lint", tree.Root).Stdout);
        }
    }

    [Fact]
    public void Quiet_when_the_hadolint_id_is_ignored() => LintCase.Assert("BDF115", """
        # hadolint ignore=DL3026
        FROM python:3.12-slim
        """, configuration: Trusting("quay.io"));
}

public sealed class RegistryTrustTests
{
    [Theory]
    [InlineData("python:3.12", "docker.io", true)]
    [InlineData("python:3.12", "docker.io/library", true)]
    [InlineData("bitnami/redis:7", "docker.io/library", false)]
    [InlineData("bitnami/redis:7", "docker.io/bitnami", true)]
    [InlineData("ghcr.io/acme/api:1", "ghcr.io/acme", true)]
    [InlineData("ghcr.io/acme/api:1", "ghcr.io/acme/", true)]
    [InlineData("ghcr.io/acme-evil/api:1", "ghcr.io/acme", false)]
    [InlineData("ghcr.io/acme/api:1", "GHCR.IO", true)]
    [InlineData("ghcr.io/acme/api:1", "quay.io", false)]
    [InlineData("eu.gcr.io/p/app:1", "*.gcr.io", true)]
    [InlineData("gcr.io/p/app:1", "*.gcr.io", false)]
    [InlineData("registry.internal:5000/app:1", "registry.*", true)]
    [InlineData("localhost:5000/app:1", "localhost:5000", true)]
    [InlineData("localhost:5000/app:1", "localhost", false)]
    [InlineData("anything.example/app:1", "*", true)]
    [InlineData("python:3.12", " ", false)]
    public void Matches_hosts_wildcards_and_repository_prefixes(string image, string entry, bool trusted) =>
        Assert.Equal(trusted, RegistryTrust.Matches(ImageReference.Parse(image), entry));

    [Fact]
    public void Docker_hub_names_get_the_library_namespace()
    {
        Assert.Equal("docker.io/library/python", RegistryTrust.FullName(ImageReference.Parse("python:3.12")));
        Assert.Equal("docker.io/bitnami/redis", RegistryTrust.FullName(ImageReference.Parse("index.docker.io/bitnami/redis")));
        Assert.Equal("quay.io", RegistryTrust.Registry(ImageReference.Parse("Quay.IO/x/y")));
    }
}
