namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class PipInstallUnpinnedTests
{
    [Fact]
    public void Fires_on_bare_names() => LintCase.Assert("BDF208", """
        FROM python:3.12-slim
        #! BDF208
        RUN pip install --no-cache-dir fastapi==0.115.0 uvicorn[standard]
        #! BDF208
        RUN python -m pip install -r requirements.txt gunicorn
        #! BDF208
        RUN sh -c 'pip3 install httpx'
        #! BDF208
        RUN pipx install ruff
        #! BDF208
        ONBUILD RUN pip install structlog
        """);

    [Fact]
    public void Fires_on_a_vcs_url_without_a_revision()
    {
        var finding = Assert.Single(LintCase.Assert("BDF208", """
            FROM python:3.12-slim
            #! BDF208
            RUN pip install git+ssh://git@gitlab.example.com/team/tools.git#egg=tools
            """));
        Assert.Equal("Pin it (git+ssh://git@gitlab.example.com/team/tools.git@<tag or commit>#egg=tools), or list it in a requirements file installed with -r", finding.Fix);
    }

    [Fact]
    public void One_finding_per_command_names_every_unpinned_package_but_upgraded_tooling()
    {
        var finding = Assert.Single(LintCase.Assert("BDF208", """
            FROM python:3.12-slim
            #! BDF208
            RUN pip install -U pip setuptools fastapi==0.115.0 uvicorn httpx
            """));
        Assert.Equal("pip installs 'uvicorn' and 'httpx' at whatever version is newest when the image builds", finding.Message);
        Assert.Equal("Pin them (uvicorn==<version>, httpx==<version>), or list them in a requirements file installed with -r", finding.Fix);
    }

    [Fact]
    public void Quiet_on_pins_requirement_files_constraints_paths_wheels_and_vcs() => LintCase.Assert("BDF208", """
        FROM python:3.12-slim
        RUN pip install -r requirements.txt && pip install --requirement=req.txt
        RUN pip install -c constraints.txt fastapi uvicorn
        RUN pip install . ./libs/shared /tmp/app-1.0-py3-none-any.whl dist/app.tar.gz -e .
        RUN pip install tools-2.1-py3-none-any.whl tools-2.1.tar.gz zope.interface==7.0 && pipx install ruff==0.6.9
        RUN pip install git+ssh://git@gitlab.example.com/team/tools.git@3f2a9c1#egg=tools
        RUN pip install "git+https://github.com/org/repo@v1.2#egg=repo" "pkg @ https://example.com/pkg.whl" "django>=4.2,<5"
        RUN pip install --upgrade pip setuptools wheel && pip install --index-url https://mirror/simple "fastapi==0.115.0"
        RUN <<EOF
        pip install uvicorn==0.30.0
        EOF
        """);
}

public sealed class PipCacheKeptTests
{
    [Fact]
    public void Fires_in_the_final_image_without_no_cache_dir() => LintCase.Assert("BDF209", """
        FROM python:3.12-slim
        #! BDF209
        RUN pip install -r requirements.txt
        RUN <<EOF
        #! BDF209
        python -m pip install .
        EOF
        """);

    [Fact]
    public void Quiet_with_the_flag_env_a_cache_mount_or_in_a_builder() => LintCase.Assert("BDF209", """
        FROM python:3.12-slim AS builder
        RUN python -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt
        FROM python:3.12-slim
        RUN pip install --no-cache-dir -r requirements.txt
        RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
        RUN PIP_NO_CACHE_DIR=1 pip install .
        ENV PIP_NO_CACHE_DIR=1
        RUN pip install gunicorn==22.0.0
        """);

    [Fact]
    public void Quiet_after_an_export_in_the_same_run_and_with_any_value() => LintCase.Assert("BDF209", """
        FROM python:3.12-slim
        RUN export PIP_NO_CACHE_DIR=on && pip install -r requirements.txt
        # pip turns the cache off for "false" too
        RUN PIP_NO_CACHE_DIR=false pip install -r requirements.txt
        """);

    [Fact]
    public void Fires_when_the_export_comes_after_the_install_or_in_another_run() => LintCase.Assert("BDF209", """
        FROM python:3.12-slim
        #! BDF209
        RUN pip install -r requirements.txt && export PIP_NO_CACHE_DIR=1
        RUN export PIP_NO_CACHE_DIR=1
        #! BDF209
        RUN pip install .
        """);

    [Fact]
    public void Fires_on_an_onbuild_pip_install() => LintCase.Assert("BDF209", """
        FROM python:3.12-slim AS template
        #! BDF209
        ONBUILD RUN pip install -r requirements.txt
        FROM python:3.12-slim
        ONBUILD RUN pip install --no-cache-dir -r requirements.txt
        """);

    [Fact]
    public void Quiet_when_pip_config_turns_the_cache_off() => LintCase.Assert("BDF209", """
        FROM python:3.12-slim
        RUN pip config set global.no-cache-dir false
        RUN pip install -r requirements.txt
        """);
}

public sealed class PipInstallIgnoresLockTests
{
    private static bool HasRequirements(string file) => file == "requirements.txt";

    [Fact]
    public void Fires_on_install_by_name_next_to_a_lock() => LintCase.Assert("BDF210", """
        FROM python:3.12-slim
        #! BDF210
        RUN pip install --no-cache-dir fastapi uvicorn
        #! BDF210
        RUN sh -c "pip install flask==3.0.0"
        """, contextFileExists: HasRequirements);

    [Fact]
    public void Quiet_on_r_installers_paths_and_without_a_lock()
    {
        LintCase.Assert("BDF210", """
            FROM python:3.12-slim
            RUN pip install -r requirements.txt && pip install --upgrade pip && pip install "poetry==1.8.3" uv
            RUN pip install . && pip install ./dist/app-1.0-py3-none-any.whl
            """, contextFileExists: HasRequirements);
        LintCase.Assert("BDF210", """
            FROM python:3.12-slim
            RUN pip install fastapi
            """);
    }
}
