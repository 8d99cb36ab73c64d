namespace Berth.Tests.Linting.Rules.Images;

public sealed class InvalidStageNameTests
{
    [Fact]
    public void Fires_on_names_with_invalid_characters() => LintCase.Assert("BDF114", """
        #! BDF114
        FROM python:3.12-slim AS 1st
        #! BDF114
        FROM python:3.12-slim AS build:test
        """);

    [Fact]
    public void Quiet_on_letters_digits_dashes_underscores_dots() => LintCase.Assert("BDF114", """
        FROM python:3.12-slim AS build_2.test-x
        FROM build_2.test-x
        """);
}

public sealed class SshPortExposedTests
{
    [Fact]
    public void Fires_on_port_22_and_ranges_covering_it() => LintCase.Assert("BDF515", """
        FROM debian:12-slim
        #! BDF515
        EXPOSE 8080 22
        #! BDF515
        EXPOSE 20-30/tcp
        """);

    [Fact]
    public void Quiet_on_other_ports_and_udp() => LintCase.Assert("BDF515", """
        FROM debian:12-slim
        EXPOSE 2222 22/udp 220
        """);
}

public sealed class EmptyContinuationLineTests
{
    [Fact]
    public void Fires_on_an_empty_line_in_a_continuation()
    {
        // The finding sits on the empty line itself, not on the instruction's first line, so it is checked directly.
        var findings = Berth.Linting.DockerfileLinter.Lint("Dockerfile", "FROM debian:12-slim\nRUN apt-get update && \\\n\n    apt-get install -y curl\n")
            .Where(f => f.Rule == "BDF516").ToList();
        Assert.Equal(3, Assert.Single(findings).Line);
    }

    [Fact]
    public void Quiet_on_comment_lines_and_heredocs() => LintCase.Assert("BDF516", """
        FROM debian:12-slim
        RUN apt-get update && \
            # install curl
            apt-get install -y curl
        RUN <<EOF
        echo one

        echo two
        EOF
        """);
}

public sealed class InvalidHealthcheckOptionTests
{
    [Fact]
    public void Fires_on_bad_durations_retries_and_options_on_none() => LintCase.Assert("BDF517", """
        FROM python:3.12-slim AS one
        #! BDF517
        HEALTHCHECK --interval=30 CMD ["python", "-c", "1"]
        FROM python:3.12-slim AS two
        #! BDF517
        HEALTHCHECK --retries=0 CMD ["python", "-c", "1"]
        FROM python:3.12-slim
        #! BDF517
        HEALTHCHECK --interval=5s NONE
        """);

    [Fact]
    public void Quiet_on_go_durations_and_positive_retries() => LintCase.Assert("BDF517", """
        FROM python:3.12-slim
        ARG INTERVAL=30s
        HEALTHCHECK --interval=1m30s --timeout=5s --start-period=500ms --start-interval=2s --retries=3 CMD ["python", "-c", "1"]
        HEALTHCHECK --interval=$INTERVAL CMD ["python", "-c", "1"]
        """);
}

public sealed class InvalidStopsignalTests
{
    [Fact]
    public void Fires_on_unknown_signals() => LintCase.Assert("BDF518", """
        FROM python:3.12-slim AS one
        #! BDF518
        STOPSIGNAL SIGTERMINATE
        FROM python:3.12-slim
        #! BDF518
        STOPSIGNAL 99
        """);

    [Fact]
    public void Quiet_on_names_numbers_and_variables() => LintCase.Assert("BDF518", """
        FROM python:3.12-slim
        ARG SIGNAL=SIGTERM
        STOPSIGNAL SIGQUIT
        STOPSIGNAL term
        STOPSIGNAL 15
        STOPSIGNAL SIGRTMIN+3
        STOPSIGNAL $SIGNAL
        """);
}
