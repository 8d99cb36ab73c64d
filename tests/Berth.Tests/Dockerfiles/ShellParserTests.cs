using Berth.Dockerfiles;

namespace Berth.Tests.Dockerfiles;

public sealed class ShellParserTests
{
    private static (string Text, ShellScript Script) Run(string text)
    {
        var run = Assert.IsType<RunInstruction>(DockerfileParser.Parse("Dockerfile", text).Instructions.Single());
        return (text, run.Command.ShellCommands());
    }

    private static string[] Names(ShellScript script) => [.. script.Commands.Select(c => c.Name ?? "")];

    [Fact]
    public void Splits_on_control_operators_with_separators()
    {
        var (_, script) = Run("RUN apt-get update && apt-get install -y curl || true; echo a | tee b & wait");
        Assert.Equal(["apt-get", "apt-get", "true", "echo", "tee", "wait"], Names(script));
        Assert.Equal(["&&", "||", ";", "|", "&", "(end)"], script.Commands.Select(c => c.Separator ?? "(end)").ToArray());
        Assert.Equal(["install", "-y", "curl"], script.Commands[1].Arguments.Select(a => a.Value).ToArray());
    }

    [Fact]
    public void Word_spans_point_into_the_document_across_continuations()
    {
        var (text, script) = Run("RUN pip install \\\n    --no-cache-dir 'flask==3.*'");
        var words = script.Commands.Single().Arguments;
        Assert.Equal(new SourceSpan(22, 36, 2, 5, 2, 19), words[1].Span);
        Assert.Equal("--no-cache-dir", text[words[1].Span.Start..words[1].Span.End]);
        Assert.Equal("flask==3.*", words[2].Value);
        Assert.Equal("'flask==3.*'", words[2].Raw);
        Assert.Equal(new SourceSpan(37, 49, 2, 20, 2, 32), words[2].Span);
    }

    [Fact]
    public void Quotes_escapes_substitutions_stay_in_one_word()
    {
        var (_, script) = Run("RUN echo \"a \\\"b\\\" $(date +%s) `id -u`\" x\\ y ${HOME}/$(printf '%s' \")\")");
        var args = script.Commands.Single().Arguments;
        Assert.Equal(["a \"b\" $(date +%s) `id -u`", "x y", "${HOME}/$(printf '%s' \")\")"], args.Select(a => a.Value).ToArray());
    }

    [Fact]
    public void Assignments_prefix_the_command()
    {
        var (_, script) = Run("RUN DEBIAN_FRONTEND=noninteractive TZ=UTC apt-get install -y tzdata");
        var command = script.Commands.Single();
        Assert.Equal(["DEBIAN_FRONTEND=noninteractive", "TZ=UTC"], command.Assignments.Select(a => a.Value).ToArray());
        Assert.Equal("apt-get", command.Name);
    }

    [Fact]
    public void Subshells_groups_and_redirections()
    {
        var (_, script) = Run("RUN (cd /x && make) > /log 2>&1 && { echo ok; rm -rf /tmp/*; } 2>/dev/null");
        Assert.Equal(["cd", "make", "echo", "rm"], Names(script));
        Assert.Equal([1, 1, 1, 1], script.Commands.Select(c => c.Depth).ToArray());
        Assert.Equal([">", "2>&"], script.Commands[1].Redirections.Select(r => r.Operator).ToArray());
        Assert.Equal(["2>"], script.Commands[3].Redirections.Select(r => r.Operator).ToArray());
        var (_, plain) = Run("RUN curl -fsSL https://x.sh > /tmp/x.sh 2>&1");
        Assert.Equal([">", "2>&"], plain.Commands.Single().Redirections.Select(r => r.Operator).ToArray());
        Assert.Equal("/tmp/x.sh", plain.Commands.Single().Redirections[0].Target!.Value);
    }

    [Fact]
    public void Sh_c_bodies_are_split_again_with_document_spans()
    {
        var (text, script) = Run("RUN sh -ec 'apt-get update && apt-get install -y git'");
        var inner = script.Commands.Single().InlineScript()!;
        Assert.Equal(["apt-get", "apt-get"], Names(inner));
        var git = inner.Commands[1].Arguments[2];
        Assert.Equal("git", text[git.Span.Start..git.Span.End]);
        Assert.Equal(new SourceSpan(49, 52, 1, 50, 1, 53), git.Span);
        Assert.Equal(["sh", "apt-get", "apt-get"], script.AllCommands().Select(c => c.Name ?? "").ToArray());
        Assert.Single(Run("RUN bash -c \"pip install x\"").Script.CommandsNamed("pip"));
    }

    [Fact]
    public void Conditionals_are_flattened_into_commands()
    {
        var (_, script) = Run("RUN if [ -f /a ]; then rm /a; else touch /b; fi");
        Assert.Equal(["[", "rm", "touch"], Names(script));
    }

    [Fact]
    public void Run_heredoc_bodies_are_scripts()
    {
        const string text = "RUN <<EOF\nset -eux\napt-get update\ncat <<INNER > /f\nnot a command\nINNER\npip install x \\\n  y\nEOF\n";
        var run = Assert.IsType<RunInstruction>(DockerfileParser.Parse("Dockerfile", text).Instructions.Single());
        var scripts = run.Scripts();
        var body = Assert.Single(scripts.Skip(1));
        Assert.Equal(["set", "apt-get", "cat", "pip"], Names(body));
        var y = body.Commands[3].Arguments[2];
        Assert.Equal("y", text[y.Span.Start..y.Span.End]);
        Assert.Equal(8, y.Span.StartLine);
    }

    [Theory]
    [InlineData("RUN <<EOF\napt-get update\nEOF\n", 1)]
    [InlineData("RUN bash <<EOF\napt-get update\nEOF\n", 1)]
    [InlineData("RUN <<EOF\n#!/usr/bin/env bash\napt-get update\nEOF\n", 1)]
    [InlineData("RUN cat <<EOF > /etc/apt/sources.list\ndeb http://x stable main\nEOF\n", 0)]
    [InlineData("RUN python3 <<EOF\nimport os\nEOF\n", 0)]
    [InlineData("RUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n", 0)]
    [InlineData("RUN bash -c 'x' <<EOF\napt-get update\nEOF\n", 0)]
    [InlineData("RUN cat <<A > /a && sh <<B\nnot a command\nA\necho b\nB\n", 1)]
    public void Data_heredocs_are_not_scripts(string text, int heredocScripts)
    {
        var run = Assert.IsType<RunInstruction>(DockerfileParser.Parse("Dockerfile", text).Instructions.Single());
        Assert.Equal(1 + heredocScripts, run.Scripts().Count);
        Assert.Same(run.Scripts(), run.Scripts());
    }
}
