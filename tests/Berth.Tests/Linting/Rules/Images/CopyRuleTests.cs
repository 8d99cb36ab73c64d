namespace Berth.Tests.Linting.Rules.Images;

public sealed class CopyFromUnknownStageTests
{
    [Fact]
    public void Fires_on_typos_later_stages_and_out_of_range_indexes() => LintCase.Assert("BDF301", """
        FROM python:3.12-slim AS builder
        FROM python:3.12-slim AS runtime
        #! BDF301
        COPY --from=biulder /opt/venv /opt/venv
        #! BDF301
        COPY --from=tests /report /report
        #! BDF301
        COPY --from=7 /x /x
        FROM python:3.12-slim AS tests
        """);

    [Fact]
    public void Quiet_on_earlier_stages_indexes_images_and_args() => LintCase.Assert("BDF301", """
        ARG UV_IMAGE=ghcr.io/astral-sh/uv:0.9.5
        FROM ${UV_IMAGE} AS uv
        FROM python:3.12-slim AS Builder
        FROM python:3.12-slim
        ARG SOURCE=builder
        COPY --from=uv /uv /usr/local/bin/uv
        COPY --from=builder /opt/venv /opt/venv
        COPY --from=0 /uv /bin/uv
        COPY --from=${SOURCE} /opt/venv /opt/venv
        COPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/
        COPY --from=nginx:1.27 /etc/nginx /etc/nginx
        COPY --from=$UNSET /x /x
        """);
}

public sealed class CopyFromOwnStageTests
{
    [Fact]
    public void Fires_on_own_name_and_index() => LintCase.Assert("BDF302", """
        FROM python:3.12-slim AS build
        #! BDF302
        COPY --from=build /a /b
        FROM python:3.12-slim
        #! BDF302
        COPY --from=1 /a /b
        """);

    [Fact]
    public void Quiet_on_other_stages() => LintCase.Assert("BDF302", """
        FROM python:3.12-slim AS build
        FROM python:3.12-slim AS app
        COPY --from=build /a /b
        COPY --from=0 /a /b
        """);
}

public sealed class CopyEntireFilesystemTests
{
    [Fact]
    public void Fires_on_root_copied_from_a_stage() => LintCase.Assert("BDF303", """
        FROM python:3.12-slim AS build
        FROM gcr.io/distroless/python3-debian12:nonroot
        #! BDF303
        COPY --from=build / /
        """);

    [Fact]
    public void Quiet_on_paths_and_context_copies() => LintCase.Assert("BDF303", """
        FROM python:3.12-slim AS build
        FROM python:3.12-slim
        COPY --from=build /opt/venv /opt/venv
        COPY / /app/
        """);
}

public sealed class AddForLocalFilesTests
{
    [Fact]
    public void Fires_on_local_files_and_folders()
    {
        var findings = LintCase.Assert("BDF304", """
            FROM python:3.12-slim
            WORKDIR /app
            #! BDF304
            ADD requirements.txt ./
            #! BDF304
            ADD --chown=10001 app/ /app/app/
            #! BDF304
            ADD assets.zip /app/static/
            """);
        Assert.All(findings, f => Assert.Equal("COPY", f.Fix));
    }

    [Fact]
    public void Quiet_on_urls_git_archives_heredocs_and_copy() => LintCase.Assert("BDF304", """
        FROM python:3.12-slim
        ADD https://example.com/tool.sh /usr/local/bin/tool.sh
        ADD --checksum=sha256:0123 https://example.com/x /x
        ADD git@github.com:org/repo.git /src
        ADD rootfs.tar.gz /
        ADD <<EOF /etc/motd
        hello
        EOF
        COPY requirements.txt /app/
        """);
}

public sealed class MultiSourceCopyWithoutSlashTests
{
    [Fact]
    public void Fires_on_a_destination_without_slash()
    {
        var findings = LintCase.Assert("BDF305", """
            FROM node:22-slim
            #! BDF305
            COPY package.json package-lock.json /app
            #! BDF305
            ADD ["a.txt", "b.txt", "/data"]
            """);
        Assert.Equal("/app/", findings[0].Fix);
    }

    [Fact]
    public void Quiet_on_single_sources_slashes_and_variables() => LintCase.Assert("BDF305", """
        FROM node:22-slim
        ARG DEST=/app/
        COPY package.json /app
        COPY package.json package-lock.json ./
        COPY a b $DEST
        COPY --from=node:22 /a /b /c/
        """);
}

public sealed class RelativeCopyWithoutWorkdirTests
{
    [Fact]
    public void Fires_before_any_workdir() => LintCase.Assert("BDF306", """
        FROM python:3.12-slim AS build
        #! BDF306
        COPY requirements.txt .
        WORKDIR /app
        COPY . .
        FROM python:3.12-slim
        #! BDF306
        COPY --from=build /app app
        """);

    [Fact]
    public void Quiet_with_workdir_inherited_from_a_parent_stage_or_absolute_paths() => LintCase.Assert("BDF306", """
        FROM python:3.12-slim AS base
        WORKDIR /app
        FROM base AS build
        COPY . .
        FROM python:3.12-slim
        COPY . /app/
        COPY --chown=10001 <<EOF /etc/app.conf
        x=1
        EOF
        ARG DEST=/srv
        COPY . $DEST
        """);
}

public sealed class ArchiveCopiedThenExtractedTests
{
    [Fact]
    public void Fires_on_a_tar_copied_then_untarred() => LintCase.Assert("BDF307", """
        FROM debian:12-slim
        #! BDF307
        COPY vendor/tool.tar.gz /tmp/
        RUN tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz
        """);

    [Fact]
    public void Fires_when_the_run_names_the_copy_by_its_destination_or_a_windows_path() => LintCase.Assert("BDF307", """
        FROM debian:12-slim
        #! BDF307
        COPY dist/site-2.4.1.tar.gz /tmp/site.tar.gz
        RUN mkdir /srv/site && tar -xzf /tmp/site.tar.gz -C /srv/site
        #! BDF307
        COPY vendor\plugins.tar "C:\plugins"
        RUN tar -xf "C:\plugins\plugins.tar"
        """);

    [Fact]
    public void Quiet_when_the_archive_is_kept_or_added() => LintCase.Assert("BDF307", """
        FROM debian:12-slim AS one
        COPY backup.tar /srv/backup.tar
        RUN tar -tf /srv/backup.tar
        ADD tool.tar.gz /opt/
        FROM debian:12-slim
        RUN tar -xzf /tmp/tool.tar.gz
        """);
}

public sealed class CopyAllBeforeDependencyInstallTests
{
    [Fact]
    public void Fires_when_the_context_is_copied_before_the_first_install()
    {
        LintCase.Assert("BDF308", """
            FROM python:3.12-slim
            WORKDIR /app
            #! BDF308
            COPY . .
            RUN pip install --no-cache-dir -r requirements.txt
            CMD ["python", "main.py"]
            """);
        LintCase.Assert("BDF308", """
            FROM node:22-slim AS build
            WORKDIR /app
            #! BDF308
            COPY . ./
            RUN --mount=type=cache,target=/root/.npm npm ci
            FROM python:3.12-slim
            WORKDIR /app
            #! BDF308
            COPY . .
            RUN <<EOF
            set -e
            uv sync --locked
            EOF
            """);
    }

    [Fact]
    public void Quiet_when_manifests_are_installed_first_or_no_install_follows() => LintCase.Assert("BDF308", """
        FROM python:3.12-slim AS builder
        WORKDIR /app
        COPY pyproject.toml uv.lock ./
        RUN uv sync --locked --no-install-project
        COPY . .
        RUN uv sync --locked
        FROM node:22-slim AS web
        WORKDIR /app
        COPY . .
        RUN yarn build
        RUN npm install -g serve@14 && pip install --no-deps .
        FROM python:3.12-slim
        WORKDIR /app
        COPY --from=builder /app /app
        COPY . .
        CMD ["python", "main.py"]
        """);
}

public sealed class CopyIgnoredFileTests
{
    private const string Ignore = """
        # generated
        .git
        /.venv
        **/__pycache__
        tests/
        *.md
        docs/**/*.png
        """;

    [Fact]
    public void Fires_on_sources_the_dockerignore_excludes() => LintCase.Assert("BDF309", """
        FROM python:3.12-slim
        WORKDIR /app
        #! BDF309
        COPY README.md ./
        #! BDF309
        COPY tests/unit /app/tests/
        #! BDF309
        ADD ./.venv /opt/venv
        #! BDF309
        COPY app/__pycache__/x.pyc docs/img/a/b.png /tmp/
        """, dockerignore: Ignore);

    [Fact]
    public void Quiet_on_kept_paths_wildcards_other_stages_and_exceptions()
    {
        LintCase.Assert("BDF309", """
            FROM python:3.12-slim AS build
            FROM python:3.12-slim
            WORKDIR /app
            COPY . .
            COPY app/ ./app/
            COPY docs/guide.txt tests.py ./
            COPY *.md ./
            COPY --from=build /app/tests /tests
            COPY <<EOF /app/README.md
            hi
            EOF
            """, dockerignore: Ignore);
        LintCase.Assert("BDF309", """
            FROM python:3.12-slim
            COPY README.md /app/
            """, dockerignore: "*.md\n!README.md\n");
        LintCase.Assert("BDF309", """
            FROM python:3.12-slim
            COPY README.md /app/
            """);
    }
}

public sealed class CopySourceOutsideContextTests
{
    [Fact]
    public void Fires_on_sources_above_the_context() => LintCase.Assert("BDF310", """
        FROM python:3.12-slim
        #! BDF310
        COPY ../shared /app/shared
        #! BDF310
        COPY lib/../../secrets.txt /tmp/
        """);

    [Fact]
    public void Quiet_on_paths_inside_the_context_and_stage_copies() => LintCase.Assert("BDF310", """
        FROM python:3.12-slim AS build
        FROM python:3.12-slim
        COPY lib/../app /app
        COPY ./src/ /app/src/
        COPY --from=build /opt/../venv /venv
        ADD https://example.com/a/../b.txt /b.txt
        """);
}

public sealed class AddUrlWithoutChecksumTests
{
    [Fact]
    public void Fires_on_urls_without_checksum() => LintCase.Assert("BDF311", """
        FROM debian:12-slim
        #! BDF311
        ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
        """);

    [Fact]
    public void Quiet_with_checksum_local_files_and_copy() => LintCase.Assert("BDF311", """
        FROM debian:12-slim
        ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
        ADD rootfs.tar.gz /
        ADD git@github.com:org/repo.git /src
        """);
}
