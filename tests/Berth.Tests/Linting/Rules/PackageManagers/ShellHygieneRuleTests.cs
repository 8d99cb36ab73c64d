namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class PointlessCommandInContainerTests
{
    [Fact]
    public void Fires_on_service_and_vim() => LintCase.Assert("BDF227", """
        FROM debian:12-slim
        #! BDF227
        RUN service nginx start
        #! BDF227
        RUN sh -c 'vim --version'
        """);

    [Fact]
    public void Quiet_when_the_words_are_package_names() => LintCase.Assert("BDF227", """
        FROM debian:12-slim
        RUN apt-get install -y --no-install-recommends vim procps openssh-client && echo ps top
        """);
}

public sealed class CdInRunTests
{
    [Fact]
    public void Fires_on_cd() => LintCase.Assert("BDF228", """
        FROM debian:12-slim
        #! BDF228
        RUN cd /app && make
        RUN <<EOF
        #! BDF228
        cd /src
        make install
        EOF
        """);

    [Fact]
    public void Quiet_on_workdir_and_subshells() => LintCase.Assert("BDF228", """
        FROM debian:12-slim
        WORKDIR /app
        RUN (cd /tmp && make) && echo cd
        RUN cat <<'EOF' > /usr/local/bin/entry.sh
        cd /srv
        exec app
        EOF
        """);
}

public sealed class SudoInRunTests
{
    [Fact]
    public void Fires_on_sudo() => LintCase.Assert("BDF229", """
        FROM debian:12-slim
        #! BDF229
        RUN sudo apt-get update
        """);

    [Fact]
    public void Quiet_on_installing_sudo() => LintCase.Assert("BDF229", """
        FROM debian:12-slim
        RUN apt-get install -y --no-install-recommends sudo
        USER root
        """);
}

public sealed class WgetWithoutProgressTests
{
    [Fact]
    public void Fires_without_progress_options() => LintCase.Assert("BDF230", """
        FROM debian:12-slim
        #! BDF230
        RUN wget https://example.com/app.tar.gz -O /tmp/app.tar.gz
        """);

    [Fact]
    public void Quiet_with_progress_quiet_or_nv() => LintCase.Assert("BDF230", """
        FROM debian:12-slim
        RUN wget --progress=dot:giga https://example.com/a && wget -q https://example.com/b && wget -nv https://example.com/c && wget -qO- https://example.com/d
        """);
}

public sealed class UseraddHighUidWithoutNoLogInitTests
{
    [Fact]
    public void Fires_on_long_uids_without_l() => LintCase.Assert("BDF231", """
        FROM debian:12-slim
        #! BDF231
        RUN useradd --uid 1000100 app
        #! BDF231
        RUN useradd -u1234567 other
        """);

    [Fact]
    public void Quiet_with_l_or_short_uids() => LintCase.Assert("BDF231", """
        FROM debian:12-slim
        RUN useradd -l -u 1000100 app && useradd --no-log-init --uid=99999999 b && useradd --system --uid 10001 c
        """);
}

public sealed class ConsecutiveRunTests
{
    [Fact]
    public void Fires_on_two_short_runs_in_a_row() => LintCase.Assert("BDF232", """
        FROM debian:12-slim
        RUN mkdir /data
        # a comment between them does not separate them
        #! BDF232
        RUN chown 10001 /data
        """);

    [Fact]
    public void Quiet_when_long_separated_heredoc_or_with_other_mounts() => LintCase.Assert("BDF232", """
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        RUN mkdir /data
        WORKDIR /data
        RUN mkdir x
        RUN git clone https://example.com/repo.git && git -C repo checkout v1
        RUN make -C repo
        RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
        RUN <<EOF
        echo hi
        EOF
        """);
}

public sealed class CurlAndWgetBothTests
{
    [Fact]
    public void Fires_where_the_second_tool_appears() => LintCase.Assert("BDF233", """
        FROM debian:12-slim
        RUN curl -fsSLo /tmp/a https://example.com/a
        #! BDF233
        RUN wget -q https://example.com/b
        """);

    [Fact]
    public void Quiet_across_stages_and_for_installs() => LintCase.Assert("BDF233", """
        FROM debian:12-slim AS a
        RUN apt-get install -y --no-install-recommends wget curl && curl -fsSL https://example.com/a
        FROM debian:12-slim
        RUN wget -q https://example.com/b
        """);
}

public sealed class BinShRelinkedTests
{
    [Fact]
    public void Fires_on_ln_over_bin_sh() => LintCase.Assert("BDF234", """
        FROM debian:12-slim
        #! BDF234
        RUN ln -sf /bin/bash /bin/sh
        """);

    [Fact]
    public void Quiet_on_shell_and_other_links() => LintCase.Assert("BDF234", """
        FROM debian:12-slim
        SHELL ["/bin/bash", "-c"]
        RUN ln -s /bin/sh /usr/local/bin/mysh
        """);
}

public sealed class PipeWithoutPipefailTests
{
    [Fact]
    public void Fires_on_pipes_under_the_default_shell() => LintCase.Assert("BDF235", """
        FROM debian:12-slim
        #! BDF235
        RUN curl -fsSL https://example.com/app.tgz | tar xz -C /opt
        SHELL ["/bin/sh", "-o", "pipefail", "-c"]
        #! BDF235
        RUN sh -c 'wget -qO- https://example.com/x | sort'
        """);

    [Fact]
    public void Quiet_with_pipefail_in_shell_set_or_inline_bash() => LintCase.Assert("BDF235", """
        FROM debian:12-slim AS base
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN curl -fsSL https://example.com/app.tgz | tar xz -C /opt
        FROM base
        RUN curl -fsSL https://example.com/b.tgz | tar xz -C /opt
        FROM debian:12-slim
        RUN bash -o pipefail -c 'curl -fsSL https://example.com/c | tar xz' && echo ok || echo no
        RUN <<EOF
        set -euo pipefail
        curl -fsSL https://example.com/d | tar xz
        EOF
        RUN ["sh", "-c", "a | b"]
        RUN echo "$SHA256  app.tgz" | sha256sum -c - && printf '%s\n' a b | sort
        """);

    [Fact]
    public void Fires_once_per_pipeline() => Assert.Single(LintCase.Assert("BDF235", """
        FROM debian:12-slim
        #! BDF235
        RUN find /usr/local -type f -executable -exec ldd '{}' ';' \
            | awk '/=>/ { print $(NF-1) }' \
            | sort -u \
            | xargs -r apt-mark manual
        """));

    [Fact]
    public void Quiet_on_heredocs_that_are_data_or_another_language() => LintCase.Assert("BDF235", """
        FROM debian:12-slim
        RUN cat <<EOF > /usr/local/bin/check
        ps aux | grep app
        EOF
        RUN python3 <<EOF
        flags = READ | WRITE
        EOF
        RUN <<EOF
        #!/usr/bin/env python3
        mask = a | b
        EOF
        RUN <<EOF bash
        set -o pipefail
        curl -fsSL https://example.com/x | tar xz
        EOF
        """);

    [Fact]
    public void Fires_in_a_heredoc_run_by_bash_without_pipefail() => LintCase.Assert("BDF235", """
        FROM debian:12-slim
        RUN <<EOF bash
        #! BDF235
        curl -fsSL https://example.com/x | tar xz
        EOF
        """);
}
