namespace Berth.Tests.Linting.Rules.Images;

public sealed class UntaggedImageTests
{
    [Fact]
    public void Fires_on_bare_images_and_on_arg_defaults_without_a_tag() => LintCase.Assert("BDF103", """
        ARG BASE=python
        #! BDF103
        FROM ubuntu AS one
        #! BDF103
        FROM ${BASE} AS two
        #! BDF103
        FROM registry.example.com:5000/team/app
        """);

    [Fact]
    public void Quiet_on_tags_digests_scratch_stages_and_arg_images() => LintCase.Assert("BDF103", """
        ARG IMAGE=python:3.12-slim
        ARG VERSION=3.12
        FROM ${IMAGE} AS base
        FROM python:${VERSION}-slim AS versioned
        FROM base AS child
        FROM BASE AS shouted
        FROM scratch AS empty
        FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS pinned
        FROM localhost:5000/app:1.0 AS local
        FROM ${UNSET_IMAGE} AS unknown
        """);

    [Fact]
    public void Quiet_on_arg_defaults_with_digests_and_hadolint_pragmas() => LintCase.Assert("BDF103", """
        ARG IMAGE=python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        FROM ${IMAGE} AS pinned
        # hadolint ignore=DL3006
        FROM ubuntu AS ignored
        # berth ignore=BDF103
        FROM debian
        """);
}

public sealed class LatestTagTests
{
    [Fact]
    public void Fires_on_latest_written_or_from_an_arg() => LintCase.Assert("BDF104", """
        ARG TAG=latest
        #! BDF104
        FROM node:latest AS one
        #! BDF104
        FROM python:${TAG} AS two
        """);

    [Fact]
    public void Quiet_on_pinned_tags_and_digests() => LintCase.Assert("BDF104", """
        FROM node:22-slim AS one
        FROM python:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS two
        FROM one
        """);
}

public sealed class ConstantPlatformFlagTests
{
    [Fact]
    public void Fires_on_a_constant_platform() => LintCase.Assert("BDF105", """
        #! BDF105
        FROM --platform=linux/amd64 python:3.12-slim
        """);

    [Fact]
    public void Quiet_on_platform_variables() => LintCase.Assert("BDF105", """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build
        FROM --platform=${TARGETPLATFORM} alpine:3.20
        """);
}

public sealed class RedundantTargetPlatformTests
{
    [Fact]
    public void Fires_on_target_platform() => LintCase.Assert("BDF106", """
        #! BDF106
        FROM --platform=$TARGETPLATFORM alpine:3.20 AS one
        #! BDF106
        FROM --platform=${TARGETPLATFORM} alpine:3.20
        """);

    [Fact]
    public void Quiet_on_build_platform() => LintCase.Assert("BDF106", """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build
        FROM alpine:3.20
        """);
}

public sealed class UndefinedArgInFromTests
{
    [Fact]
    public void Fires_on_undeclared_and_misspelt_args() => LintCase.Assert("BDF107", """
        ARG PYTHON_VERSION=3.12
        #! BDF107
        FROM python:${PYTHON_VERISON}-slim AS one
        #! BDF107
        FROM python:${python_version}-slim
        """);

    [Fact]
    public void Quiet_on_global_and_predefined_args_and_args_declared_without_default() => LintCase.Assert("BDF107", """
        ARG IMAGE=python:3.12-slim
        ARG TAG
        FROM --platform=$BUILDPLATFORM ${IMAGE} AS one
        FROM alpine:${TAG:-3.20}
        # a variable in a RUN or a stage ARG is not the FROM's business
        ARG LOCAL=1
        RUN echo $LOCAL $OTHER
        """);
}

public sealed class InvalidDefaultArgInFromTests
{
    [Fact]
    public void Fires_when_the_defaults_leave_the_image_empty_or_invalid() => LintCase.Assert("BDF108", """
        ARG IMAGE
        ARG TAG
        #! BDF108
        FROM ${IMAGE} AS one
        #! BDF108
        FROM alpine:${TAG}
        """);

    [Fact]
    public void Quiet_when_defaults_or_fallbacks_make_a_valid_image() => LintCase.Assert("BDF108", """
        ARG IMAGE=python:3.12-slim
        ARG TAG
        ARG VERSION=3.12
        ARG BASE=python:${VERSION}-slim
        FROM ${IMAGE} AS one
        FROM alpine:${TAG:-3.20} AS two
        FROM ${BASE}
        """);
}

public sealed class DuplicateStageNameTests
{
    [Fact]
    public void Fires_on_the_second_use_of_a_name_in_any_case() => LintCase.Assert("BDF109", """
        FROM python:3.12-slim AS build
        #! BDF109
        FROM python:3.12-slim AS Build
        """);

    [Fact]
    public void Quiet_on_distinct_names() => LintCase.Assert("BDF109", """
        FROM python:3.12-slim AS build
        FROM build AS test
        FROM python:3.12-slim
        """);
}

public sealed class ReservedStageNameTests
{
    [Fact]
    public void Fires_on_scratch_and_context() => LintCase.Assert("BDF110", """
        #! BDF110
        FROM alpine:3.20 AS scratch
        #! BDF110
        FROM alpine:3.20 AS context
        """);

    [Fact]
    public void Quiet_on_from_scratch() => LintCase.Assert("BDF110", """
        FROM scratch AS empty
        FROM alpine:3.20 AS build-context
        """);
}

public sealed class StageNameCasingTests
{
    [Fact]
    public void Fires_on_capitals()
    {
        var findings = LintCase.Assert("BDF111", """
            #! BDF111
            FROM python:3.12-slim AS Builder
            """);
        Assert.Equal("builder", Assert.Single(findings).Fix);
        Assert.Equal(26, findings[0].Column);
    }

    [Fact]
    public void Quiet_on_lowercase_names() => LintCase.Assert("BDF111", """
        FROM python:3.12-slim AS builder-2
        FROM builder-2
        """);
}

public sealed class FromAsCasingTests
{
    [Fact]
    public void Fires_when_as_does_not_match_from() => LintCase.Assert("BDF112", """
        #! BDF112
        FROM python:3.12-slim as builder
        #! BDF112
        from python:3.12-slim AS runtime
        """);

    [Fact]
    public void Quiet_when_casing_matches() => LintCase.Assert("BDF112", """
        FROM python:3.12-slim AS builder
        from python:3.12-slim as runtime
        From python:3.12-slim As other
        """);
}

public sealed class InstructionBeforeFromTests
{
    [Fact]
    public void Fires_on_instructions_other_than_arg_before_from() => LintCase.Assert("BDF113", """
        ARG VERSION=3.12
        #! BDF113
        ENV A=1
        #! BDF113
        LABEL x=y
        FROM python:${VERSION}-slim
        """);

    [Fact]
    public void Fires_on_instructions_of_a_file_with_no_from() => LintCase.Assert("BDF113", """
        # a fragment, e.g. debian's due templates/*/Dockerfile.config (found by the corpus agreement run)
        ARG VERSION=3.12
        #! BDF113
        LABEL DUEMountHostDirsUp=1
        #! BDF113
        RUN echo hi
        """);

    [Fact]
    public void Quiet_with_only_args_directives_and_comments_first() => LintCase.Assert("BDF113", """
        # syntax=docker/dockerfile:1
        # a comment
        ARG VERSION=3.12
        FROM python:${VERSION}-slim
        ENV A=1
        """);
}
