namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class PackageSignatureCheckDisabledTests
{
    [Fact]
    public void Fires_on_untrusted_and_unsigned_installs() => LintCase.Assert("BDF243", """
        FROM alpine:3.20
        #! BDF243
        RUN apk add --no-cache --allow-untrusted /tmp/tool.apk
        #! BDF243
        RUN dnf install -y --nogpgcheck tool-1.0 && dnf clean all
        #! BDF243
        RUN rpm -i --nosignature /tmp/tool.rpm
        #! BDF243
        RUN dnf config-manager --save --setopt=internal.sslverify=0
        """);

    [Fact]
    public void Quiet_on_signed_installs() => LintCase.Assert("BDF243", """
        FROM fedora:40
        RUN rpm --import https://repo.internal/key.asc && dnf install -y tool-1.0 && dnf clean all
        RUN echo --nogpgcheck
        """);
}

public sealed class PackageIndexUpdateAloneTests
{
    [Fact]
    public void Fires_on_update_without_install() => LintCase.Assert("BDF244", """
        FROM debian:12-slim
        #! BDF244
        RUN apt-get update
        RUN apt-get install -y --no-install-recommends curl
        FROM alpine:3.20
        #! BDF244
        RUN apk update
        """);

    [Fact]
    public void Quiet_when_the_same_run_installs() => LintCase.Assert("BDF244", """
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        RUN <<EOF
        apt-get update
        apt-get upgrade -y
        EOF
        FROM alpine:3.20
        RUN apk update && apk add --no-cache curl
        """);
}
