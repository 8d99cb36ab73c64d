using Berth.Apps;
using Berth.Linting;

namespace Berth.Tests.Linting.Rules;

public sealed class SyntaxErrorTests
{
    [Fact]
    public void Fires_on_unknown_instructions() => LintCase.Assert("BDF001", """
        FROM python:3.11-slim
        #! BDF001
        RUNN echo hi
        CMD ["python"]
        """);

    [Fact]
    public void Quiet_on_valid_heredocs_and_flags() => LintCase.Assert("BDF001", """
        FROM python:3.11-slim
        RUN --mount=type=cache,target=/root/.cache/pip <<EOF
        pip install fastapi
        EOF
        COPY --chown=10001:10001 --chmod=0644 . /app
        """);
}

public sealed class ToolMissingInBaseTests
{
    [Fact]
    public void Fires_on_curl_in_a_slim_healthcheck_and_shell_form_on_distroless()
    {
        LintCase.Assert("BDF101", """
            FROM python:3.11-slim
            #! BDF101
            HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
            CMD ["uvicorn", "app.main:app"]
            """);
        LintCase.Assert("BDF101", """
            FROM gcr.io/distroless/python3-debian12:nonroot
            #! BDF101
            CMD python -m uvicorn app.main:app
            """);
    }

    [Fact]
    public void Quiet_when_the_stage_installs_curl_or_the_probe_uses_python()
    {
        LintCase.Assert("BDF101", """
            FROM python:3.11-slim
            RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
            HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
            """);
        LintCase.Assert("BDF101", """
            FROM python:3.11-slim AS builder
            HEALTHCHECK CMD curl -f http://localhost/ || exit 1
            FROM gcr.io/distroless/python3-debian12:nonroot
            HEALTHCHECK CMD ["/usr/bin/python3.11", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"]
            """);
        LintCase.Assert("BDF101", """
            FROM registry.example.com/in-house/python:3.11
            HEALTHCHECK CMD curl -f http://localhost/ || exit 1
            """);
    }
}

public sealed class PythonMinorMismatchTests
{
    [Fact]
    public void Fires_when_a_312_venv_goes_into_a_311_distroless_runtime() => LintCase.Assert("BDF102", """
        ARG BUILDER=python:3.12-slim
        FROM ${BUILDER} AS builder
        RUN python -m venv /opt/venv && /opt/venv/bin/pip install fastapi
        FROM gcr.io/distroless/python3-debian12:nonroot
        #! BDF102
        COPY --from=builder /opt/venv /opt/venv
        """);

    [Fact]
    public void Quiet_when_the_minors_agree_or_the_copy_is_not_python() => LintCase.Assert("BDF102", """
        FROM python:3.11-slim AS builder
        RUN python -m venv /opt/venv
        FROM python:3.12-slim AS other
        RUN echo > /artifact.txt
        FROM python:3.11-slim
        COPY --from=builder /opt/venv /opt/venv
        COPY --from=other /artifact.txt /artifact.txt
        """);
}

public sealed class NpmDevDependenciesOmittedBeforeBuildTests
{
    [Fact]
    public void Fires_on_production_only_install_before_next_build()
    {
        var findings = LintCase.Assert("BDF201", """
            FROM node:20-bookworm-slim AS build
            COPY package*.json ./
            #! BDF201
            RUN npm ci --only=production
            COPY . .
            #! BDF201
            RUN npx next build
            """);
        Assert.Contains(findings, f => f.Message.Contains("deprecated", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("left out the dev dependencies", StringComparison.Ordinal));
    }

    [Fact]
    public void Fires_when_a_later_stage_builds_with_node_modules_copied_from_a_production_only_stage() => LintCase.Assert("BDF201", """
        FROM node:20-bookworm-slim AS deps
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        FROM node:20-bookworm-slim AS build
        WORKDIR /app
        COPY --from=deps /app/node_modules ./node_modules
        COPY . .
        #! BDF201
        RUN npm run build
        """);

    [Fact]
    public void Fires_through_from_and_a_whole_folder_copy_and_for_pnpm_and_yarn()
    {
        LintCase.Assert("BDF201", """
            FROM node:20-bookworm-slim AS deps
            RUN corepack enable && pnpm install --frozen-lockfile --prod
            FROM deps AS build
            #! BDF201
            RUN pnpm run build
            """);
        LintCase.Assert("BDF201", """
            FROM node:20-bookworm-slim AS deps
            WORKDIR /app
            RUN yarn install --frozen-lockfile --production
            FROM node:20-bookworm-slim AS build
            COPY --from=deps /app /app
            #! BDF201
            RUN yarn build
            """);
    }

    [Fact]
    public void Quiet_when_the_production_only_stage_feeds_only_the_runtime() => LintCase.Assert("BDF201", """
        FROM node:20-bookworm-slim AS deps
        WORKDIR /app
        RUN npm ci
        FROM node:20-bookworm-slim AS build
        WORKDIR /app
        COPY --from=deps /app ./
        RUN npm run build
        FROM node:20-bookworm-slim AS production
        WORKDIR /app
        RUN npm ci --omit=dev
        COPY --from=build /app/dist ./dist
        FROM node:20-bookworm-slim
        COPY --from=production /app ./
        CMD ["node", "dist/main.js"]
        """);

    [Fact]
    public void Quiet_on_full_install_then_build_then_prune() => LintCase.Assert("BDF201", """
        FROM node:20-bookworm-slim AS build
        RUN npm ci
        RUN npm run build && npm prune --omit=dev
        """);
}

public sealed class PoetryNoDevRemovedTests
{
    [Fact]
    public void Fires_on_no_dev() => LintCase.Assert("BDF202", """
        FROM python:3.11-slim
        #! BDF202
        RUN pip install poetry && poetry install --no-dev --no-root
        """);

    [Fact]
    public void Quiet_when_the_file_pins_a_poetry_older_than_1_2()
    {
        LintCase.Assert("BDF202", """
            FROM python:3.9-slim
            RUN pip install "poetry==1.1.15" && poetry install --no-dev --no-root
            """);
        LintCase.Assert("BDF202", """
            FROM python:3.9-slim
            ENV POETRY_VERSION=1.1.13
            RUN pip install "poetry==$POETRY_VERSION"
            RUN poetry install --no-dev
            """);
        LintCase.Assert("BDF202", """
            FROM python:3.9-slim
            RUN curl -sSL https://install.python-poetry.org | python3 - --version 1.1.15
            RUN poetry install --no-dev
            """);
    }

    [Fact]
    public void A_warning_on_a_pinned_1_x_from_1_2_and_an_error_on_2_or_unpinned()
    {
        var deprecated = Assert.Single(LintCase.Assert("BDF202", """
            FROM python:3.11-slim
            ARG POETRY_VERSION=1.8.3
            #! BDF202
            RUN pip install poetry==${POETRY_VERSION} && poetry install --no-dev
            """));
        Assert.Equal(Severity.Warning, deprecated.Severity);
        Assert.Equal("poetry install --no-dev is deprecated in Poetry 1.8 (pinned here) and removed in 2.0", deprecated.Message);
        var removed = Assert.Single(LintCase.Assert("BDF202", """
            FROM python:3.11-slim
            RUN pip install poetry==2.1.1
            #! BDF202
            RUN poetry install --no-dev
            """));
        Assert.Equal(Severity.Error, removed.Severity);
    }

    [Fact]
    public void A_pin_after_the_install_does_not_count() => LintCase.Assert("BDF202", """
        FROM python:3.9-slim
        #! BDF202
        RUN pip install poetry && poetry install --no-dev
        ENV POETRY_VERSION=1.1.13
        """);

    [Fact]
    public void Quiet_on_only_main() => LintCase.Assert("BDF202", """
        FROM python:3.11-slim
        RUN pip install poetry && poetry install --only main --no-root
        """);

    [Fact]
    public void Quiet_on_a_heredoc_that_is_file_data_and_fires_on_one_a_shell_runs() => LintCase.Assert("BDF202", """
        FROM python:3.11-slim
        RUN cat <<EOF > /docs/old-install.txt
        poetry install --no-dev
        EOF
        RUN <<EOF
        #! BDF202
        poetry install --no-dev
        EOF
        """);
}

public sealed class UserSiteUnreadableTests
{
    [Fact]
    public void Fires_on_the_seed_template_bug() => LintCase.Assert("BDF401", """
        FROM python:3.12-slim AS builder
        RUN pip install --user -r requirements.txt
        FROM python:3.12-slim
        RUN useradd appuser
        #! BDF401
        COPY --from=builder /root/.local /root/.local
        USER appuser
        CMD ["uvicorn", "app.main:app"]
        """);

    [Fact]
    public void Fires_on_pip_user_as_root_in_the_final_stage() => LintCase.Assert("BDF401", """
        FROM python:3.11-slim
        #! BDF401
        RUN pip install --user fastapi
        USER 10001
        """);

    [Fact]
    public void Quiet_with_a_venv_or_when_the_final_user_is_root() => LintCase.Assert("BDF401", """
        FROM python:3.11-slim AS builder
        RUN python -m venv /opt/venv && /opt/venv/bin/pip install fastapi
        FROM python:3.11-slim
        COPY --from=builder /opt/venv /opt/venv
        USER 10001
        """);
}

public sealed class FinalStageRunsAsRootTests
{
    [Fact]
    public void Fires_without_user_on_a_root_base() => LintCase.Assert("BDF402", """
        FROM python:3.11-slim AS builder
        USER 10001
        #! BDF402
        FROM python:3.11-slim
        CMD ["python"]
        """);

    [Fact]
    public void Fires_on_user_root_last() => LintCase.Assert("BDF402", """
        FROM python:3.11-slim
        USER 10001
        #! BDF402
        USER root
        """);

    [Fact]
    public void Quiet_on_a_nonroot_base_or_a_numeric_user()
    {
        LintCase.Assert("BDF402", "FROM gcr.io/distroless/python3-debian12:nonroot\nCMD [\"app.py\"]\n");
        LintCase.Assert("BDF402", "FROM python:3.11-slim\nUSER 10001:10001\n");
    }

    [Fact]
    public void Quiet_on_a_dev_containers_image_and_not_on_the_same_text_elsewhere()
    {
        const string workstation = "FROM python:3.11-bookworm\nRUN pip install ruff\n";
        Assert.DoesNotContain(DockerfileLinter.Lint("repo/.devcontainer/Dockerfile", workstation, null, null, null, null), f => f.Rule == "BDF402");
        Assert.Contains(DockerfileLinter.Lint("repo/docker/Dockerfile", workstation, null, null, null, null), f => f.Rule == "BDF402");
    }

    [Fact]
    public void Hadolint_pragmas_suppress_it() => LintCase.Assert("BDF402", """
        FROM python:3.11-slim
        # hadolint ignore=DL3002
        USER root
        """);
}

public sealed class SecretInEnvOrArgTests
{
    [Fact]
    public void Fires_on_secret_names_and_never_shows_the_value()
    {
        var findings = LintCase.Assert("BDF403", """
            FROM python:3.11-slim
            #! BDF403
            ARG GITHUB_TOKEN
            #! BDF403
            ENV API_KEY=sk-live-93jf8a7 LOG_LEVEL=info
            #! BDF403
            ENV UPSTREAM=https://bot:hunter2@example.com/
            """);
        Assert.All(findings, f => Assert.DoesNotContain("sk-live-93jf8a7", f.Message));
        Assert.All(findings, f => Assert.DoesNotContain("hunter2", f.Message));
    }

    [Fact]
    public void Quiet_on_plain_settings_and_references() => LintCase.Assert("BDF403", """
        FROM python:3.11-slim
        ARG PYTHON_VERSION=3.11
        ENV LOG_LEVEL=info CACHE_KEY_PREFIX=app SECRET_KEY_FILE=
        ENV API_KEY=$API_KEY
        """);

    [Fact]
    public void Fires_on_an_aws_access_key_id_in_any_casing() => LintCase.Assert("BDF403", """
        #! BDF403
        ARG aws_access_key_id
        FROM python:3.11-slim
        #! BDF403
        ENV AWS_ACCESS_KEY_ID=AKIAEXAMPLE
        """);

    [Fact]
    public void Is_an_error_in_the_final_image_and_a_warning_in_a_builder_stage_it_does_not_build_on()
    {
        var findings = LintCase.Assert("BDF403", """
            FROM node:22-slim AS assets
            #! BDF403
            ENV NPM_TOKEN=npm_abc123
            FROM python:3.12-slim AS base
            #! BDF403
            ARG PIP_INDEX_PASSWORD
            FROM base
            COPY --from=assets /app/dist /app/dist
            """);
        Assert.Equal([Severity.Warning, Severity.Error], findings.Select(f => f.Severity));
        Assert.Contains("of build stage 'assets', which the final image does not build on", findings[0].Message);
        Assert.DoesNotContain("build stage", findings[1].Message);
    }

    [Fact]
    public void A_public_bundle_build_argument_is_a_warning_about_the_bundle_not_the_history()
    {
        var findings = LintCase.Assert("BDF403", """
            FROM node:20-bookworm-slim AS frontend
            #! BDF403
            ARG VITE_SENTRY_DSN
            ARG VITE_API_URL
            #! BDF403
            ARG NEXT_PUBLIC_STRIPE_KEY
            RUN npm run build
            FROM nginx:1.27
            COPY --from=frontend /app/dist /usr/share/nginx/html
            """);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("VITE_* values are inlined into the JavaScript bundle every browser downloads", findings[0].Message);
        Assert.Contains("NEXT_PUBLIC_* values", findings[1].Message);
        Assert.All(findings, f => Assert.DoesNotContain("image history", f.Message));
    }

    [Fact]
    public void Berth_pragmas_suppress_it() => LintCase.Assert("BDF403", """
        FROM python:3.11-slim
        # berth ignore=BDF403
        ARG NPM_TOKEN
        """);
}

public sealed class DotenvInBuildContextTests
{
    [Fact]
    public void Fires_on_copying_dotenv_by_name() => LintCase.Assert("BDF404", """
        FROM python:3.11-slim
        #! BDF404
        COPY .env /app/.env
        #! BDF404
        COPY config/.env.local /app/
        COPY .env.example /app/
        COPY .env.dist .env.defaults .env.schema /app/
        """);

    [Fact]
    public void Fires_on_copying_the_context_when_dockerignore_does_not_exclude_dotenv()
    {
        const string dockerfile = "FROM python:3.11-slim\n#! BDF404\nCOPY . /app\n";
        LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env");
        LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env", dockerignore: ".git\n__pycache__\n");
        LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env", dockerignore: ".env*\n!.env\n");
        LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env", dockerignore: "*\n!*\n");
        LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env", dockerignore: "  # .env is in the vault\n");
    }

    [Fact]
    public void Quiet_when_any_docker_pattern_excludes_dotenv_last()
    {
        const string dockerfile = "FROM python:3.11-slim\nCOPY . /app\n";
        foreach (var ignore in new[] { "./.env\n", "/.env*\n", ".e?v\n", "**/.env\n", "*\n!app\n", "!.env\n.env\n", "[.]env\n", "docs\n[\n" })
            LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env", dockerignore: ignore);
    }

    [Fact]
    public void Quiet_when_dockerignore_excludes_it_or_there_is_no_dotenv()
    {
        const string dockerfile = "FROM python:3.11-slim\nCOPY . /app\n";
        LintCase.Assert("BDF404", dockerfile, contextFileExists: f => f == ".env", dockerignore: ".env\n.env.*\n!.env.example\n");
        LintCase.Assert("BDF404", dockerfile, contextFileExists: _ => false);
    }
}

public sealed class ShellFormCommandTests
{
    [Fact]
    public void Fires_on_shell_form_cmd_and_entrypoint() => LintCase.Assert("BDF501", """
        FROM python:3.11-slim
        #! BDF501
        ENTRYPOINT python -m app
        #! BDF501
        CMD uvicorn app.main:app --host 0.0.0.0
        """);

    [Fact]
    public void Quiet_on_exec_form() => LintCase.Assert("BDF501", """
        FROM python:3.11-slim
        CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
        """);
}

public sealed class PortMismatchTests
{
    [Fact]
    public void Fires_when_expose_and_bind_differ_from_the_app() => LintCase.Assert("BAP001", """
        FROM python:3.11-slim
        #! BAP001
        EXPOSE 8000
        #! BAP001
        CMD ["gunicorn", "app.main:app", "--bind", "0.0.0.0:8000"]
        """, LintCase.App(port: 8080));

    [Fact]
    public void Quiet_when_they_agree_or_no_app_is_known()
    {
        const string dockerfile = "FROM python:3.11-slim\nEXPOSE 8080\nCMD [\"uvicorn\", \"app.main:app\", \"--port\", \"8080\"]\n";
        LintCase.Assert("BAP001", dockerfile, LintCase.App(port: 8080));
        LintCase.Assert("BAP001", "FROM python:3.11-slim\nEXPOSE 1234\n");
    }

    [Fact]
    public void Quiet_against_a_port_the_app_does_not_state()
    {
        const string dockerfile = "FROM python:3.11-slim\nEXPOSE 5000\nCMD [\"gunicorn\", \"app:app\", \"--bind\", \"0.0.0.0:5000\"]\n";
        var guessed = LintCase.App(port: 8000) with { PortIsDefault = true, Evidence = [new Evidence("no port in code, Procfile, start command or settings: default 8000", ".", 0)] };
        LintCase.Assert("BAP001", dockerfile, guessed);
        var nextDefault = LintCase.App(port: 3000) with { PortIsDefault = true, Evidence = [new Evidence("port 3000 (Next.js default)", "package.json", 0)] };
        LintCase.Assert("BAP001", dockerfile, nextDefault);
    }

    [Fact]
    public void Cites_the_port_evidence_not_another_fact_mentioning_port()
    {
        var app = LintCase.App(port: 8080) with
        {
            Evidence = [new Evidence("import root 'src' (package root)", "src/app/__init__.py", 1), new Evidence("port from $PORT, default 8080", "src/app/main.py", 12)],
        };
        var finding = Assert.Single(LintCase.Assert("BAP001", "FROM python:3.11-slim\n#! BAP001\nEXPOSE 5000\n", app));
        Assert.Equal("EXPOSE 5000, but the app listens on 8080 (src/app/main.py:12)", finding.Message);
    }
}

public sealed class HealthcheckPathUnknownTests
{
    [Fact]
    public void Fires_when_the_probe_path_is_not_a_health_route() => LintCase.Assert("BAP002", """
        FROM python:3.11-slim
        #! BAP002
        HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
        """, LintCase.App(8000, "/health"));

    [Fact]
    public void Quiet_when_the_probe_matches() => LintCase.Assert("BAP002", """
        FROM python:3.11-slim
        HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"]
        """, LintCase.App(8000, "/health"));
}
