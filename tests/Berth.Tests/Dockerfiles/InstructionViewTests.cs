using Berth.Dockerfiles;

namespace Berth.Tests.Dockerfiles;

public sealed class InstructionViewTests
{
    private static T Single<T>(string text) where T : Instruction
    {
        var document = DockerfileParser.Parse("Dockerfile", text);
        Assert.Empty(document.Diagnostics);
        return Assert.IsType<T>(document.Instructions.Single());
    }

    [Fact]
    public void From_with_platform_tag_digest_and_stage_name()
    {
        var from = Single<FromInstruction>("FROM --platform=$BUILDPLATFORM registry.example.com:5000/team/python:3.11-slim@sha256:abc as Builder");

        Assert.Equal("$BUILDPLATFORM", from.Platform);
        Assert.Equal("registry.example.com:5000", from.Image!.Registry);
        Assert.Equal("team/python", from.Image.Repository);
        Assert.Equal("3.11-slim", from.Image.Tag);
        Assert.Equal("sha256:abc", from.Image.Digest);
        Assert.Equal("Builder", from.StageName!.Value);
        Assert.Equal("builder", from.NormalizedStageName);
        Assert.Equal(new SourceSpan(93, 100, 1, 94, 1, 101), from.StageName.Span);
    }

    [Fact]
    public void Image_references_without_registry_or_tag()
    {
        Assert.Equal(new ImageReference("python", null, "python", null, null), ImageReference.Parse("python"));
        Assert.Equal(new ImageReference("localhost/app:1", "localhost", "app", "1", null), ImageReference.Parse("localhost/app:1"));
        Assert.Equal(new ImageReference("library/redis", null, "library/redis", null, null), ImageReference.Parse("library/redis"));
    }

    [Fact]
    public void Arg_declarations_with_and_without_defaults()
    {
        var arg = Single<ArgInstruction>("ARG A=1 B \"C=two words\"");
        Assert.Equal(["A", "B", "C"], arg.Declarations.Select(d => d.Name).ToArray());
        Assert.Equal("1", arg.Declarations[0].Default);
        Assert.Null(arg.Declarations[1].Default);
        Assert.Equal(new SourceSpan(6, 7, 1, 7, 1, 8), arg.Declarations[0].DefaultSpan);
        Assert.Equal(new SourceSpan(8, 9, 1, 9, 1, 10), arg.Declarations[1].NameSpan);
    }

    [Fact]
    public void Env_pairs_and_legacy_form()
    {
        var env = Single<EnvInstruction>("ENV PATH=\"/opt/venv/bin:$PATH\" \\\n    A='x y' B=plain\\ space");
        Assert.False(env.IsLegacyForm);
        Assert.Equal(["PATH", "A", "B"], env.Pairs.Select(p => p.Key).ToArray());
        Assert.Equal("/opt/venv/bin:$PATH", env.Pairs[0].Value);
        Assert.Equal("\"/opt/venv/bin:$PATH\"", env.Pairs[0].RawValue);
        Assert.Equal("x y", env.Pairs[1].Value);
        Assert.Equal("plain space", env.Pairs[2].Value);
        Assert.Equal(new SourceSpan(37, 38, 2, 5, 2, 6), env.Pairs[1].KeySpan);

        var legacy = Single<EnvInstruction>("ENV JAVA_OPTS -Xmx1g -Xms1g");
        Assert.True(legacy.IsLegacyForm);
        Assert.Equal("JAVA_OPTS", legacy.Pairs.Single().Key);
        Assert.Equal("-Xmx1g -Xms1g", legacy.Pairs.Single().Value);
        Assert.Equal(new SourceSpan(14, 27, 1, 15, 1, 28), legacy.Pairs.Single().ValueSpan);
    }

    [Fact]
    public void Label_pairs_with_quoted_keys()
    {
        var label = Single<LabelInstruction>("LABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0");
        Assert.Equal(["com.example.vendor", "version"], label.Pairs.Select(p => p.Key).ToArray());
        Assert.Equal("ACME Inc", label.Pairs[0].Value);
    }

    [Fact]
    public void Expose_ports_and_protocols()
    {
        var expose = Single<ExposeInstruction>("EXPOSE 80 443/TCP 53/udp 8000-8010 ${PORT}");
        Assert.Equal(["80", "443", "53", "8000-8010", "${PORT}"], expose.Ports.Select(p => p.Port).ToArray());
        Assert.Equal(["tcp", "tcp", "udp", "tcp", "tcp"], expose.Ports.Select(p => p.Protocol).ToArray());
        Assert.True(expose.Ports[2].HasProtocol);
        Assert.Equal(new SourceSpan(18, 24, 1, 19, 1, 25), expose.Ports[2].Span);
    }

    [Fact]
    public void User_with_and_without_group()
    {
        var user = Single<UserInstruction>("USER 10001:10001");
        Assert.Equal("10001", user.User);
        Assert.Equal("10001", user.Group);
        Assert.Equal(new SourceSpan(11, 16, 1, 12, 1, 17), user.GroupSpan);
        Assert.Null(Single<UserInstruction>("USER app").Group);
    }

    [Fact]
    public void Simple_string_instructions()
    {
        Assert.Equal("/app", Single<WorkdirInstruction>("WORKDIR /app").Path);
        Assert.Equal("SIGTERM", Single<StopsignalInstruction>("STOPSIGNAL SIGTERM").Signal);
        Assert.Equal("Jane <jane@example.com>", Single<MaintainerInstruction>("MAINTAINER Jane <jane@example.com>").Maintainer);
        Assert.Equal(["/data", "/logs"], Single<VolumeInstruction>("VOLUME [\"/data\", \"/logs\"]").Paths.Select(p => p.Value).ToArray());
        Assert.Equal(["/data", "/logs"], Single<VolumeInstruction>("VOLUME /data /logs").Paths.Select(p => p.Value).ToArray());
    }

    [Fact]
    public void Healthcheck_none_and_cmd_with_flags()
    {
        Assert.True(Single<HealthcheckInstruction>("HEALTHCHECK NONE").IsNone);

        var check = Single<HealthcheckInstruction>("HEALTHCHECK --interval=30s --start-interval=2s --retries=3 \\\n  CMD curl -f http://localhost/ || exit 1");
        Assert.False(check.IsNone);
        Assert.Equal("30s", check.Flag("interval")!.Value);
        Assert.Equal("2s", check.Flag("start-interval")!.Value);
        Assert.False(check.Command!.IsExecForm);
        Assert.Equal("curl -f http://localhost/ || exit 1", check.Command.Text);
        Assert.Equal(new SourceSpan(67, 102, 2, 7, 2, 42), check.Command.Span);
        Assert.Equal(["curl", "exit"], check.Command.ShellCommands().Commands.Select(c => c.Name ?? "").ToArray());

        var exec = Single<HealthcheckInstruction>("HEALTHCHECK CMD [\"python\", \"-c\", \"print(1)\"]");
        Assert.True(exec.Command!.IsExecForm);
    }

    [Fact]
    public void Copy_and_add_with_every_buildkit_flag()
    {
        var copy = Single<CopyInstruction>("COPY --from=0 --chown=app --chmod=644 --link --exclude=*.pyc --parents a.txt \"b.txt\" /dst/");
        Assert.Equal(["a.txt", "b.txt"], copy.Sources.Select(s => s.Value).ToArray());
        Assert.Equal(new SourceSpan(77, 84, 1, 78, 1, 85), copy.Sources[1].Span);

        // As in BuildKit, the shell form splits on whitespace only: spaces in a path need the JSON form.
        Assert.Equal(["\"b", "c\""], Single<CopyInstruction>("COPY \"b c\" /d").Sources.Select(s => s.Raw).ToArray());
        Assert.Equal("/dst/", copy.Destination!.Value);
        Assert.False(copy.IsAdd);

        var add = Single<CopyInstruction>("ADD --checksum=sha256:24454f8 --keep-git-dir=true --unpack=false --link https://example.com/x.tgz /x/");
        Assert.True(add.IsAdd);
        Assert.Equal("sha256:24454f8", add.Flag("checksum")!.Value);
        Assert.Equal(["checksum", "keep-git-dir", "unpack", "link"], add.Flags.Select(f => f.Name).ToArray());

        var json = Single<CopyInstruction>("COPY [\"a b\", \"/c d/\"]");
        Assert.True(json.IsExecForm);
        Assert.Equal("/c d/", json.Destination!.Value);
    }

    [Fact]
    public void Onbuild_wraps_an_inner_instruction_with_document_spans()
    {
        var onbuild = Single<OnbuildInstruction>("ONBUILD COPY --chown=app . /app");
        var inner = Assert.IsType<CopyInstruction>(onbuild.Inner);
        Assert.Equal("COPY --chown=app . /app", inner.Text);
        Assert.Equal(new SourceSpan(8, 31, 1, 9, 1, 32), inner.Span);
        Assert.Equal(new SourceSpan(8, 12, 1, 9, 1, 13), inner.Syntax.KeywordSpan);
        Assert.Equal("app", inner.Flag("chown")!.Value);
        Assert.Equal(new SourceSpan(27, 31, 1, 28, 1, 32), inner.Destination!.Span);
    }
}
