namespace Berth.Tests.Linting.Rules.Images;

public sealed class NonNumericUserTests
{
    [Fact]
    public void Fires_on_a_named_final_user() => LintCase.Assert("BDF405", """
        FROM python:3.12-slim
        RUN useradd --uid 10001 app
        #! BDF405
        USER app:app
        """);

    [Fact]
    public void Quiet_on_numeric_ids_earlier_stages_and_variables()
    {
        LintCase.Assert("BDF405", """
            FROM python:3.12-slim AS build
            USER builder
            FROM python:3.12-slim
            USER 10001:10001
            """);
        LintCase.Assert("BDF405", """
            FROM python:3.12-slim
            ARG UID=10001
            USER nobody
            USER ${UID}
            """);
    }
}

public sealed class RelativeWorkdirTests
{
    [Fact]
    public void Fires_on_a_relative_workdir_with_nothing_absolute_before_it() => LintCase.Assert("BDF502", """
        FROM python:3.12-slim
        #! BDF502
        WORKDIR app
        """);

    [Fact]
    public void Quiet_after_an_absolute_workdir_in_the_stage_or_a_parent() => LintCase.Assert("BDF502", """
        FROM python:3.12-slim AS base
        WORKDIR /srv
        WORKDIR app
        FROM base
        WORKDIR data
        ARG DIR=/opt
        WORKDIR $DIR
        """);
}

public sealed class InvalidExposePortTests
{
    [Fact]
    public void Fires_on_mappings_bad_ports_and_protocols() => LintCase.Assert("BDF503", """
        FROM python:3.12-slim
        #! BDF503
        EXPOSE 80:8080
        #! BDF503
        EXPOSE 70000
        #! BDF503
        EXPOSE 8000/http
        #! BDF503
        EXPOSE 9000-8000
        """);

    [Fact]
    public void Quiet_on_ports_ranges_protocols_and_variables() => LintCase.Assert("BDF503", """
        FROM python:3.12-slim
        ARG PORT=8000
        EXPOSE 8000 8443/tcp 53/udp 7000-7010 9000/TCP
        EXPOSE $PORT ${PORT}/udp
        """);
}

public sealed class ExposeProtocolCasingTests
{
    [Fact]
    public void Fires_on_uppercase_protocols()
    {
        var findings = LintCase.Assert("BDF504", """
            FROM python:3.12-slim
            #! BDF504
            EXPOSE 8000/TCP
            """);
        Assert.Equal("8000/tcp", Assert.Single(findings).Fix);
    }

    [Fact]
    public void Quiet_on_lowercase_or_no_protocol() => LintCase.Assert("BDF504", """
        FROM python:3.12-slim
        EXPOSE 8000 53/udp
        """);
}

public sealed class MultipleHealthchecksTests
{
    [Fact]
    public void Fires_on_all_but_the_last_healthcheck_of_a_stage() => LintCase.Assert("BDF505", """
        FROM python:3.12-slim
        #! BDF505
        HEALTHCHECK CMD ["python", "-c", "1"]
        HEALTHCHECK --interval=10s CMD ["python", "-c", "2"]
        """);

    [Fact]
    public void Quiet_with_one_healthcheck_per_stage() => LintCase.Assert("BDF505", """
        FROM python:3.12-slim AS base
        HEALTHCHECK NONE
        FROM base
        HEALTHCHECK CMD ["python", "-c", "1"]
        """);
}

public sealed class MultipleCommandsTests
{
    [Fact]
    public void Fires_on_all_but_the_last_cmd_and_entrypoint() => LintCase.Assert("BDF506", """
        FROM python:3.12-slim
        #! BDF506
        ENTRYPOINT ["tini", "--"]
        #! BDF506
        CMD ["python", "a.py"]
        ENTRYPOINT ["/entrypoint.sh"]
        CMD ["python", "b.py"]
        """);

    [Fact]
    public void Quiet_with_one_of_each_per_stage() => LintCase.Assert("BDF506", """
        FROM python:3.12-slim AS test
        CMD ["pytest"]
        FROM python:3.12-slim
        ENTRYPOINT ["tini", "--"]
        CMD ["python", "main.py"]
        """);
}

public sealed class MaintainerDeprecatedTests
{
    [Fact]
    public void Fires_on_maintainer()
    {
        var findings = LintCase.Assert("BDF507", """
            FROM python:3.12-slim
            #! BDF507
            MAINTAINER Jane Doe <jane@example.com>
            """);
        Assert.Equal("LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"", Assert.Single(findings).Fix);
    }

    [Fact]
    public void Quiet_on_the_authors_label() => LintCase.Assert("BDF507", """
        FROM python:3.12-slim
        LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
        """);
}

public sealed class SelfReferencingEnvTests
{
    [Fact]
    public void Fires_on_a_variable_set_earlier_in_the_same_env() => LintCase.Assert("BDF509", """
        FROM python:3.12-slim
        #! BDF509
        ENV APP_HOME=/app APP_DATA=${APP_HOME}/data
        """);

    [Fact]
    public void Quiet_on_path_extension_earlier_definitions_and_single_quotes() => LintCase.Assert("BDF509", """
        FROM python:3.12-slim AS base
        ENV APP_HOME=/app
        FROM base
        ENV APP_HOME=/srv APP_DATA=$APP_HOME/data
        ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
        ENV A=1 B='$A' E=\$A
        ARG C=1
        ENV C=2 D=$C
        """);
}

public sealed class LegacyKeyValueFormatTests
{
    [Fact]
    public void Fires_on_env_key_value()
    {
        var findings = LintCase.Assert("BDF510", """
            FROM python:3.12-slim
            #! BDF510
            ENV APP_HOME /app
            #! BDF510
            ENV GREETING hello world
            """);
        Assert.Equal("ENV APP_HOME=/app", findings[0].Fix);
        Assert.Equal("ENV GREETING=\"hello world\"", findings[1].Fix);
    }

    [Fact]
    public void Quiet_on_key_equals_value() => LintCase.Assert("BDF510", """
        FROM python:3.12-slim
        ENV APP_HOME=/app GREETING="hello world"
        ARG VERSION=1
        LABEL a=b
        """);
}

public sealed class InconsistentInstructionCasingTests
{
    [Fact]
    public void Fires_on_the_minority_casing()
    {
        LintCase.Assert("BDF511", """
            FROM python:3.12-slim
            #! BDF511
            run echo hi
            #! BDF511
            Cmd ["python"]
            """);
        LintCase.Assert("BDF511", """
            from python:3.12-slim
            run echo hi
            #! BDF511
            CMD ["python"]
            """);
    }

    [Fact]
    public void Quiet_when_all_instructions_share_a_casing() => LintCase.Assert("BDF511", """
        from python:3.12-slim as build
        run echo hi
        cmd ["python"]
        """);
}

public sealed class InvalidLabelKeyTests
{
    [Fact]
    public void Fires_on_bad_keys_and_reserved_namespaces() => LintCase.Assert("BDF512", """
        FROM python:3.12-slim
        #! BDF512
        LABEL Version=1
        #! BDF512
        LABEL com.docker.compose.project=x
        #! BDF512
        LABEL org..example=x
        #! BDF512
        LABEL -label=x
        """);

    [Fact]
    public void Quiet_on_oci_and_reverse_dns_keys() => LintCase.Assert("BDF512", """
        FROM python:3.12-slim
        ARG KEY=x
        LABEL org.opencontainers.image.title="app" com.example.team-1=platform maintainer=jane my_label=x
        LABEL ${KEY}=y
        """);
}

public sealed class MissingHealthcheckTests
{
    [Fact]
    public void Fires_on_a_final_stage_without_healthcheck() => LintCase.Assert("BDF513", """
        FROM python:3.12-slim AS build
        HEALTHCHECK CMD ["python", "-c", "1"]
        #! BDF513
        FROM python:3.12-slim
        EXPOSE 8000
        CMD ["python", "main.py"]
        """);

    [Fact]
    public void Fires_on_a_known_server_command_or_when_berth_knows_the_app()
    {
        LintCase.Assert("BDF513", """
            #! BDF513
            FROM python:3.12-slim
            CMD gunicorn -b 0.0.0.0:8000 app:app
            """);
        LintCase.Assert("BDF513", """
            #! BDF513
            FROM python:3.12-slim
            CMD ["python", "-m", "app"]
            """, LintCase.App(8000));
    }

    [Fact]
    public void Quiet_on_images_that_do_not_serve()
    {
        // a test runner
        LintCase.Assert("BDF513", """
            FROM mcr.microsoft.com/playwright:v1.48.0-noble
            COPY . /e2e
            CMD ["npx", "playwright", "test"]
            """);
        // a CLI tool
        LintCase.Assert("BDF513", """
            FROM python:3.12-slim
            RUN pip install --no-cache-dir httpie==3.2.4
            ENTRYPOINT ["http"]
            """);
        // a builder-only file, and a final stage that inherits its command from its base image
        LintCase.Assert("BDF513", """
            FROM node:22-slim AS build
            RUN npm ci && npm run build
            FROM build
            RUN npm prune --omit=dev
            """);
    }

    [Fact]
    public void Quiet_with_a_healthcheck_inherited_none_or_scratch()
    {
        LintCase.Assert("BDF513", """
            FROM python:3.12-slim AS base
            HEALTHCHECK CMD ["python", "-c", "1"]
            FROM base
            CMD ["python", "main.py"]
            """);
        LintCase.Assert("BDF513", """
            FROM python:3.12-slim
            HEALTHCHECK NONE
            """);
        LintCase.Assert("BDF513", """
            FROM golang:1.23 AS build
            FROM scratch
            COPY --from=build /app /app
            """);
    }
}

public sealed class UndefinedVariableTests
{
    [Fact]
    public void Fires_on_undeclared_and_misspelt_variables() => LintCase.Assert("BDF514", """
        FROM python:3.12-slim
        ARG APP_DIR=/app
        #! BDF514
        WORKDIR ${APP_DIRR}
        #! BDF514
        ENV DATA=${app_dir}/data
        #! BDF514
        COPY . $TARGET_DIR
        """);

    [Fact]
    public void Quiet_on_args_envs_predefined_and_image_variables_and_shell_form_run()
    {
        LintCase.Assert("BDF514", """
            ARG VERSION=3.12
            FROM python:${VERSION}-slim AS base
            ENV APP_HOME=/app
            FROM base
            ARG TARGETARCH
            ARG VERSION
            ENV PATH="/opt/venv/bin:$PATH" DATA=$APP_HOME/data ARCH=${TARGETARCH} V=$VERSION PY=$PYTHON_VERSION
            LABEL org.opencontainers.image.version="${VERSION}"
            RUN echo $UNDECLARED_IN_SHELL
            CMD echo $ALSO_SHELL
            COPY <<EOF /etc/x
            $HEREDOC_VAR
            EOF
            WORKDIR $HOME
            """);
        LintCase.Assert("BDF514", """
            FROM registry.example.com/custom/base:1.0
            ENV X=$SET_BY_THE_BASE_IMAGE
            """);
    }
}
