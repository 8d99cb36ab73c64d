namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class ApkAddUnpinnedTests
{
    [Fact]
    public void Fires_once_per_command_on_its_unpinned_packages() => Assert.Equal("apk adds 'git' and 'tini' without a version", Assert.Single(LintCase.Assert("BDF211", """
        FROM alpine:3.20
        #! BDF211
        RUN apk add --no-cache curl=8.9.1-r0 git tini
        """)).Message);

    [Fact]
    public void Quiet_on_pins_virtual_names_local_files_and_builders() => LintCase.Assert("BDF211", """
        FROM alpine:3.20 AS build
        RUN apk add --no-cache gcc
        FROM alpine:3.20
        RUN apk add --no-cache --virtual .build-deps curl~8.9 ./local.apk "tzdata>2024a" -X https://mirror/alpine/edge git=2.45.2-r0
        """);
}

public sealed class ApkCacheKeptTests
{
    [Fact]
    public void Fires_without_no_cache() => LintCase.Assert("BDF212", """
        FROM alpine:3.20
        #! BDF212
        RUN apk update && apk add curl
        """);

    [Fact]
    public void Quiet_with_no_cache_a_cache_mount_or_rm() => LintCase.Assert("BDF212", """
        FROM alpine:3.20
        RUN apk add --no-cache curl
        RUN --mount=type=cache,target=/var/cache/apk apk add git
        RUN apk add jq && rm -rf /var/cache/apk/*
        """);
}

public sealed class YumInstallWithoutYesTests
{
    [Fact]
    public void Fires_without_y() => LintCase.Assert("BDF213", """
        FROM centos:7
        #! BDF213
        RUN yum install httpd-2.4.6 && yum clean all
        """);

    [Fact]
    public void Quiet_with_y_or_assumeyes() => LintCase.Assert("BDF213", """
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && yum --assumeyes groupinstall "Tools" && yum clean all
        RUN echo assumeyes=1 >> /etc/yum.conf
        RUN yum install git-1.8 && yum clean all
        """);
}

public sealed class YumCacheNotCleanedTests
{
    [Fact]
    public void Fires_without_clean() => LintCase.Assert("BDF214", """
        FROM centos:7
        #! BDF214
        RUN yum clean all && yum install -y httpd-2.4.6
        """);

    [Fact]
    public void Quiet_with_clean_rm_or_a_cache_mount() => LintCase.Assert("BDF214", """
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && yum clean all
        RUN yum install -y git-1.8 && rm -rf /var/cache/yum
        RUN --mount=type=cache,target=/var/cache/yum yum install -y vim-7.4
        """);
}

public sealed class YumInstallUnpinnedTests
{
    [Fact]
    public void Fires_once_per_command_on_its_unversioned_packages() => Assert.Equal("'yum' installs 'git' and 'make' without a version", Assert.Single(LintCase.Assert("BDF215", """
        FROM centos:7
        #! BDF215
        RUN yum install -y httpd-2.4.6 git make && yum clean all
        """)).Message);

    [Fact]
    public void Fires_on_a_module_without_a_stream_and_quiet_with_one() => LintCase.Assert("BDF215", """
        FROM rockylinux:8
        #! BDF215
        RUN yum module install -y nginx && yum clean all
        RUN yum module install -y nginx:1.24 && yum clean all
        """);

    [Fact]
    public void Quiet_on_versions_and_local_rpms() => LintCase.Assert("BDF215", """
        FROM centos:7
        RUN yum install -y httpd-2.4.6 /tmp/tool.rpm tool-1.0.rpm && yum clean all
        """);
}

public sealed class ZypperWithoutNonInteractiveTests
{
    [Fact]
    public void Fires_without_n() => LintCase.Assert("BDF216", """
        FROM opensuse/leap:15.6
        #! BDF216
        RUN zypper install curl=8.6 && zypper clean
        """);

    [Fact]
    public void Quiet_with_n_or_y() => LintCase.Assert("BDF216", """
        FROM opensuse/leap:15.6
        RUN zypper -n install curl=8.6 && zypper install -y git=2.43 && zypper --non-interactive in vim=9 && zypper clean
        """);
}

public sealed class ZypperDistUpgradeTests
{
    [Fact]
    public void Fires_on_dup() => LintCase.Assert("BDF217", """
        FROM opensuse/leap:15.6
        #! BDF217
        RUN zypper -n dup
        """);

    [Fact]
    public void Quiet_on_patch() => LintCase.Assert("BDF217", """
        FROM opensuse/leap:15.6
        RUN zypper -n patch && zypper clean
        """);
}

public sealed class ZypperCacheNotCleanedTests
{
    [Fact]
    public void Fires_without_clean() => LintCase.Assert("BDF218", """
        FROM opensuse/leap:15.6
        #! BDF218
        RUN zypper -n install curl=8.6
        """);

    [Fact]
    public void Quiet_with_clean_or_cc() => LintCase.Assert("BDF218", """
        FROM opensuse/leap:15.6
        RUN zypper -n install curl=8.6 && zypper clean --all
        RUN zypper -n in git=2.43 && zypper cc
        """);
}

public sealed class ZypperInstallUnpinnedTests
{
    [Fact]
    public void Fires_once_per_command_on_its_unversioned_packages() => Assert.Equal("'zypper' installs 'curl' without a version", Assert.Single(LintCase.Assert("BDF219", """
        FROM opensuse/leap:15.6
        #! BDF219
        RUN zypper -n install curl && zypper clean
        """)).Message);

    [Fact]
    public void Quiet_on_versions() => LintCase.Assert("BDF219", """
        FROM opensuse/leap:15.6
        RUN zypper -n install "curl>=8.6" git=2.43 && zypper clean
        """);
}

public sealed class DnfInstallWithoutYesTests
{
    [Fact]
    public void Fires_without_y() => LintCase.Assert("BDF220", """
        FROM fedora:40
        #! BDF220
        RUN dnf install httpd-2.4.62 && dnf clean all
        #! BDF220
        RUN microdnf install git-2.45 && microdnf clean all
        """);

    [Fact]
    public void Quiet_with_y() => LintCase.Assert("BDF220", """
        FROM fedora:40
        RUN dnf install -y httpd-2.4.62 && microdnf --assumeyes install git-2.45 && dnf clean all
        """);
}

public sealed class DnfCacheNotCleanedTests
{
    [Fact]
    public void Fires_without_clean() => LintCase.Assert("BDF221", """
        FROM registry.access.redhat.com/ubi9/ubi-minimal
        #! BDF221
        RUN microdnf install -y git-2.45
        """);

    [Fact]
    public void Fires_on_dnf_aliases_upgrades_and_module_installs() => LintCase.Assert("BDF221", """
        FROM fedora:40
        #! BDF221
        RUN dnf in -y jq-1.7.1
        #! BDF221
        RUN dnf -y up
        #! BDF221
        RUN dnf -y rei openssl-3.2.2
        #! BDF221
        RUN dnf module install -y nodejs:20
        """);

    [Fact]
    public void Quiet_with_clean_rm_or_a_cache_mount() => LintCase.Assert("BDF221", """
        FROM fedora:40
        RUN dnf install -y httpd-2.4.62 && dnf clean all
        RUN dnf install -y git-2.45 && rm -rf /var/cache/libdnf5
        RUN --mount=type=cache,target=/var/cache/dnf dnf install -y vim-9.1
        """);
}

public sealed class DnfInstallUnpinnedTests
{
    [Fact]
    public void Fires_on_unversioned_packages() => LintCase.Assert("BDF222", """
        FROM fedora:40
        #! BDF222
        RUN dnf install -y httpd && dnf clean all
        """);

    [Fact]
    public void Fires_on_dnf_in_and_a_module_without_a_stream()
    {
        var findings = LintCase.Assert("BDF222", """
            FROM fedora:40
            #! BDF222
            RUN dnf in -y jq && dnf clean all
            #! BDF222
            RUN microdnf module install -y postgresql && microdnf clean all
            """);
        Assert.Equal("'microdnf' installs 'postgresql' without a version", findings[1].Message);
    }

    [Fact]
    public void Quiet_on_a_module_with_its_stream() => LintCase.Assert("BDF222", """
        FROM fedora:40
        RUN dnf module install -y postgresql:16 && dnf module enable -y nodejs && dnf clean all
        """);

    [Fact]
    public void A_long_install_is_one_finding_that_names_the_first_five_and_counts_the_rest()
    {
        var packages = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"pkg{i}"));
        var finding = Assert.Single(LintCase.Assert("BDF222", $"""
            FROM fedora:40
            #! BDF222
            RUN dnf install -y {packages} httpd-2.4.62 && dnf clean all
            """));
        Assert.Equal("'dnf' installs 'pkg1', 'pkg2', 'pkg3', 'pkg4', 'pkg5' and 35 more without a version", finding.Message);
        Assert.Equal("Pin them (pkg1-<version>, pkg2-<version>, pkg3-<version>, …) if you need byte-for-byte rebuilds; pin the base image by digest first", finding.Fix);
        Assert.Equal(20, finding.Column);
        Assert.Equal(20 + packages.Length, finding.EndColumn);
    }

    [Theory]
    [InlineData(6, "'dnf' installs 'p1', 'p2', 'p3', 'p4', 'p5' and 'p6' without a version")]
    [InlineData(7, "'dnf' installs 'p1', 'p2', 'p3', 'p4', 'p5' and 2 more without a version")]
    public void Six_names_are_all_shown_rather_than_one_more(int count, string message) =>
        Assert.Equal(message, Assert.Single(LintCase.Assert("BDF222", $"""
            FROM fedora:40
            #! BDF222
            RUN dnf install -y {string.Join(' ', Enumerable.Range(1, count).Select(i => $"p{i}"))} && dnf clean all
            """)).Message);

    [Fact]
    public void Quiet_on_versions_builders_and_rpms() => LintCase.Assert("BDF222", """
        FROM fedora:40 AS build
        RUN dnf install -y gcc
        FROM fedora:40
        RUN dnf install -y httpd-2.4.62 ./x.rpm && dnf clean all
        """);
}
