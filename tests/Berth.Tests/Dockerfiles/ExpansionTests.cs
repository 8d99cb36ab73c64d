using Berth.Dockerfiles;

namespace Berth.Tests.Dockerfiles;

public sealed class ExpansionTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["A"] = "one", ["EMPTY"] = "" };

    private static Expansion Expand(string word) => VariableExpander.Expand(word, n => Vars.TryGetValue(n, out var v) ? v : null);

    [Theory]
    [InlineData("$A", "one")]
    [InlineData("${A}", "one")]
    [InlineData("x${A}y$A.z", "xoneyone.z")]
    [InlineData("${MISSING:-def}", "def")]
    [InlineData("${EMPTY:-def}", "def")]
    [InlineData("${EMPTY-def}", "")]
    [InlineData("${MISSING-def}", "def")]
    [InlineData("${A:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${MISSING:-${A}}", "one")]
    [InlineData("\\$A", "$A")]
    [InlineData("'$A'", "$A")]
    [InlineData("\"$A b\"", "one b")]
    [InlineData("\"\\$A\"", "$A")]
    [InlineData("cost$", "cost$")]
    [InlineData("$REG:8099/img", ":8099/img")]
    public void Expands_like_buildkit(string word, string expected) => Assert.Equal(expected, Expand(word).Value);

    [Fact]
    public void Reports_unset_variables()
    {
        Assert.Equal(["REG", "TAG"], Expand("$REG/app:${TAG}").Unresolved);
        Assert.True(Expand("${REG:-docker.io}").IsComplete);
    }

    [Fact]
    public void Backtick_escape_protects_dollar()
    {
        Assert.Equal("$A", VariableExpander.Expand("`$A", _ => "x", '`').Value);
    }
}

public sealed class BuildArgResolverTests
{
    private const string Generated = """
        ARG PYTHON_VERSION=3.11
        ARG BUILDER_IMAGE=python:${PYTHON_VERSION}-slim
        ARG RUNTIME_IMAGE
        FROM ${BUILDER_IMAGE} AS builder
        ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
        FROM ${RUNTIME_IMAGE:-gcr.io/distroless/python3} AS runtime
        ARG RUNTIME_IMAGE
        ARG PYTHON_VERSION
        ARG LOCAL=x
        FROM builder AS test
        """;

    [Fact]
    public void Global_args_resolve_base_images()
    {
        var stages = BuildArgResolver.Resolve(DockerfileParser.Parse("Dockerfile", Generated));

        Assert.Equal("python:3.11-slim", stages[0].BaseText);
        Assert.Equal("3.11-slim", stages[0].BaseImage!.Tag);
        Assert.Equal("gcr.io/distroless/python3", stages[1].BaseText);
        Assert.True(stages[1].IsResolved);
        Assert.Equal("3.11", stages[1].Variables["PYTHON_VERSION"]);
        Assert.False(stages[1].Variables.ContainsKey("RUNTIME_IMAGE"));
        Assert.Equal("x", stages[1].Variables["LOCAL"]);
        Assert.Equal("/opt/venv/bin:", stages[0].Variables["PATH"]);
        Assert.Same(stages[0].Stage, stages[2].BaseStage);
        Assert.Null(stages[2].BaseImage);
        Assert.Equal("/opt/venv", stages[2].Variables["VIRTUAL_ENV"]);
    }

    [Fact]
    public void Build_args_override_defaults()
    {
        var args = new Dictionary<string, string> { ["PYTHON_VERSION"] = "3.12", ["RUNTIME_IMAGE"] = "mirror.local/py:3.12", ["LOCAL"] = "y", ["UNDECLARED"] = "z" };
        var stages = BuildArgResolver.Resolve(DockerfileParser.Parse("Dockerfile", Generated), args);

        Assert.Equal("python:3.12-slim", stages[0].BaseText);
        Assert.Equal("mirror.local/py:3.12", stages[1].BaseText);
        Assert.Equal("mirror.local/py:3.12", stages[1].Variables["RUNTIME_IMAGE"]);
        Assert.Equal("y", stages[1].Variables["LOCAL"]);
        Assert.False(stages[1].Variables.ContainsKey("UNDECLARED"));
    }

    [Fact]
    public void Undeclared_variables_in_from_stay_unresolved()
    {
        var stages = BuildArgResolver.Resolve(DockerfileParser.Parse("Dockerfile", "FROM $IMAGE:${TAG}\nFROM --platform=$BUILDPLATFORM alpine\n"));
        Assert.Equal(["IMAGE", "TAG"], stages[0].Unresolved);
        Assert.True(stages[1].IsResolved);
        Assert.Equal("linux/amd64", BuildArgResolver.ExpandGlobal(DockerfileParser.Parse("D", "FROM a"), "$BUILDPLATFORM",
            new Dictionary<string, string> { ["BUILDPLATFORM"] = "linux/amd64" }).Value);
    }
}

public sealed class StageGraphTests
{
    private const string Text = """
        ARG BASE=debian:12
        FROM ${BASE} AS deps
        FROM golang:1.22 AS Build
        COPY --from=deps /etc/os-release /x
        RUN --mount=type=cache,target=/go/pkg --mount=from=0,target=/deps,type=bind go build ./...
        FROM build AS test
        RUN go test ./...
        FROM scratch
        COPY --from=BUILD /out/app /app
        COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
        COPY --from=9 /a /b
        """;

    [Fact]
    public void Edges_from_base_copy_and_mounts()
    {
        var graph = StageGraph.Build(DockerfileParser.Parse("Dockerfile", Text));

        Assert.Equal(4, graph.Stages.Count);
        Assert.Equal(3, graph.Final!.Stage.Index);
        Assert.Equal("debian:12", graph.EdgesFrom(0).Single().Target.Text);
        Assert.False(graph.EdgesFrom(0).Single().Target.IsStage);
        Assert.Equal([(StageEdgeKind.Base, (int?)null), (StageEdgeKind.CopyFrom, 0), (StageEdgeKind.MountFrom, 0)],
            graph.EdgesFrom(1).Select(e => (e.Kind, e.Target.StageIndex)).ToArray());
        Assert.Equal(1, graph.EdgesFrom(2).Single().Target.StageIndex);
        var final = graph.EdgesFrom(3).ToArray();
        Assert.Equal("scratch", final[0].Target.Text);
        Assert.Equal(1, final[1].Target.StageIndex);
        Assert.Equal("nginx", final[2].Target.Image!.Repository);
        Assert.Null(final[3].Target.StageIndex);
        Assert.Equal([0, 1, 3], graph.StagesNeededFor());
        Assert.Equal(2, graph.Stage("TEST")!.Stage.Index);
        Assert.Equal(1, graph.Stage("1")!.Stage.Index);
    }
}
