namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class AptGetInstallUnpinnedTests
{
    [Fact]
    public void Fires_on_each_unpinned_package_in_the_final_image() => LintCase.Assert("BDF203", """
        FROM debian:12-slim
        #! BDF203
        RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates && rm -rf /var/lib/apt/lists/*
        RUN <<EOF
        apt-get update
        #! BDF203
        apt-get install -y -t bookworm-backports git
        rm -rf /var/lib/apt/lists/*
        EOF
        """);

    [Fact]
    public void Quiet_on_pins_local_debs_builder_stages_and_sh_c_pins() => LintCase.Assert("BDF203", """
        FROM debian:12-slim AS builder
        RUN apt-get update && apt-get install -y gcc
        FROM debian:12-slim
        RUN apt-get install -y ./vendor/tool.deb /tmp/other.deb curl=7.88.1-10 "python3=${PY_VERSION}"
        RUN sh -c 'apt-get install -y -o Dpkg::Options::=--force-confnew git=1:2.39.2-1.1'
        """);

    [Fact]
    public void Reports_one_finding_per_install_command_naming_its_unpinned_packages_across_continuations()
    {
        var findings = LintCase.Assert("BDF203", """
            FROM debian:12-slim
            #! BDF203
            RUN apt-get install -y jq && apt-get install -y curl=7.88.1-10 git \
                  ca-certificates tini=0.19.0-1 && rm -rf /var/lib/apt/lists/*
            """);
        Assert.Equal(2, findings.Count);
        Assert.Equal("apt-get installs 'jq' without a version: the image changes whenever the archive does", findings[0].Message);
        Assert.Equal("Pin it (jq=<version>) if you need byte-for-byte rebuilds; pin the base image by digest first", findings[0].Fix);
        var first = findings[1];
        Assert.Equal("apt-get installs 'git' and 'ca-certificates' without a version: the image changes whenever the archive does", first.Message);
        Assert.Equal("Pin them (git=<version>, ca-certificates=<version>) if you need byte-for-byte rebuilds; pin the base image by digest first", first.Fix);
        Assert.Equal((3, 64, 4, 22), (first.Line, first.Column, first.EndLine, first.EndColumn));
    }

    [Fact]
    public void Quiet_under_a_hadolint_pragma_for_dl3008() => LintCase.Assert("BDF203", """
        FROM debian:12-slim
        # hadolint ignore=DL3008,DL3015
        RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        """);
}

public sealed class AptListsNotRemovedTests
{
    [Fact]
    public void Fires_when_the_lists_stay_in_the_final_image() => LintCase.Assert("BDF204", """
        FROM debian:12-slim AS base
        #! BDF204
        RUN apt-get update && apt-get install -y curl
        FROM base
        #! BDF204
        RUN sh -c "apt-get update && apt-get install -y git"
        # a cache on the archives alone: the lists are still written to the layer
        #! BDF204
        RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y jq
        """);

    [Fact]
    public void Fires_on_an_onbuild_run_whichever_stage_declares_it() => LintCase.Assert("BDF204", """
        FROM debian:12-slim AS template
        # runs in the image built FROM this one, so its layer ships there
        #! BDF204
        ONBUILD RUN apt-get update && apt-get install -y make
        FROM debian:12-slim
        ONBUILD RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
        """);

    [Fact]
    public void Quiet_with_rm_a_cache_mount_a_heredoc_cleanup_or_in_a_builder() => LintCase.Assert("BDF204", """
        FROM debian:12-slim AS builder
        RUN apt-get update && apt-get install -y gcc
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/var/cache/apt \
            apt-get update && apt-get install -y git
        RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y jq
        RUN <<EOF
        apt-get update
        apt-get install -y ca-certificates
        rm -rf /var/lib/apt/lists/*
        EOF
        """);
}

public sealed class AptGetInstallWithoutYesTests
{
    [Fact]
    public void Fires_without_an_answer() => LintCase.Assert("BDF205", """
        FROM debian:12-slim
        #! BDF205
        RUN apt-get update && apt-get install --no-install-recommends curl
        #! BDF205
        RUN bash -c 'apt-get -q install git'
        """);

    [Fact]
    public void Quiet_with_y_yes_qq_or_assume_yes() => LintCase.Assert("BDF205", """
        FROM debian:12-slim
        RUN apt-get install -y curl && apt-get install --yes git && apt-get -qq install jq
        RUN apt-get -qy install curl && apt-get install --assume-yes wget && apt-get -q -q install vim
        RUN apt-get -o APT::Get::Assume-Yes=true install less && apt-get update
        RUN apt-get install --quiet --quiet tzdata && apt-get -q install --quiet gnupg
        """);

    [Fact]
    public void Fires_with_one_quiet_level_only() => LintCase.Assert("BDF205", """
        FROM debian:12-slim
        #! BDF205
        RUN apt-get install --quiet tzdata
        """);

    [Fact]
    public void Quiet_when_an_earlier_run_configures_assume_yes() => LintCase.Assert("BDF205", """
        FROM debian:12-slim
        RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
        RUN apt-get update && apt-get install --no-install-recommends curl
        """);
}

public sealed class AptGetInstallRecommendsTests
{
    [Fact]
    public void Fires_without_no_install_recommends() => LintCase.Assert("BDF206", """
        FROM debian:12-slim
        #! BDF206
        RUN apt-get update && apt-get install -y curl
        """);

    [Fact]
    public void Quiet_with_the_flag_or_the_apt_option() => LintCase.Assert("BDF206", """
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        RUN apt-get install -y -o APT::Install-Recommends=false git
        RUN apt-get update
        """);

    [Fact]
    public void Quiet_when_an_earlier_run_configures_apt() => LintCase.Assert("BDF206", """
        FROM debian:12-slim
        RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/90norecommends
        RUN apt-get update && apt-get install -y curl
        """);
}

public sealed class AptUsedInScriptTests
{
    [Fact]
    public void Fires_on_apt() => LintCase.Assert("BDF207", """
        FROM debian:12-slim
        #! BDF207
        RUN apt update && apt install -y curl
        """);

    [Fact]
    public void Quiet_on_apt_get_and_apt_cache() => LintCase.Assert("BDF207", """
        FROM debian:12-slim
        RUN apt-get update && apt-cache policy curl && echo apt
        """);
}
