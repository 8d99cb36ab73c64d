namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class DownloadTlsVerificationDisabledTests
{
    [Fact]
    public void Fires_on_insecure_downloads() => LintCase.Assert("BDF236", """
        FROM debian:12-slim
        #! BDF236
        RUN curl -fsSLk https://example.com/a -o /tmp/a
        #! BDF236
        RUN curl --insecure https://example.com/b && echo done
        #! BDF236
        RUN sh -c 'wget --no-check-certificate https://example.com/c'
        """);

    [Fact]
    public void Quiet_on_verified_downloads_and_option_values() => LintCase.Assert("BDF236", """
        FROM debian:12-slim
        RUN curl -fsSL --cacert /etc/ssl/ca.pem https://example.com/a -o /tmp/k && curl -H "-k" https://example.com/b
        RUN wget -q --ca-certificate=/etc/ssl/ca.pem https://example.com/c
        """);
}

public sealed class PipTrustedHostTests
{
    [Fact]
    public void Fires_on_the_flag_and_the_env() => LintCase.Assert("BDF237", """
        FROM python:3.12-slim
        #! BDF237
        ENV PIP_TRUSTED_HOST=pypi.internal
        #! BDF237
        RUN pip install --no-cache-dir --trusted-host pypi.internal -r requirements.txt
        """);

    [Fact]
    public void Quiet_with_a_cert() => LintCase.Assert("BDF237", """
        FROM python:3.12-slim
        ENV PIP_CERT=/etc/ssl/internal.pem
        RUN pip install --no-cache-dir --index-url https://pypi.internal/simple -r requirements.txt
        """);
}

public sealed class NpmStrictSslDisabledTests
{
    [Fact]
    public void Fires_on_config_flag_and_env() => LintCase.Assert("BDF238", """
        FROM node:22-slim
        #! BDF238
        RUN npm config set strict-ssl false && npm ci
        #! BDF238
        RUN yarn config set strict-ssl false
        #! BDF238
        ENV npm_config_strict_ssl=false
        #! BDF238
        RUN npm --strict-ssl=false ci
        """);

    [Fact]
    public void Quiet_when_strict_ssl_stays_on() => LintCase.Assert("BDF238", """
        FROM node:22-slim
        ENV NODE_EXTRA_CA_CERTS=/etc/ssl/ca.pem
        RUN npm config set strict-ssl true && npm ci && npm config get strict-ssl
        """);
}

public sealed class GitSslVerifyDisabledTests
{
    [Fact]
    public void Fires_on_config_and_env() => LintCase.Assert("BDF239", """
        FROM alpine/git
        #! BDF239
        RUN git config --global http.sslVerify false
        #! BDF239
        RUN git -c http.sslverify=false clone https://git.internal/repo
        #! BDF239
        RUN GIT_SSL_NO_VERIFY=1 git clone https://git.internal/repo
        """);

    [Fact]
    public void Quiet_with_a_ca() => LintCase.Assert("BDF239", """
        FROM alpine/git
        ENV GIT_SSL_NO_VERIFY=false
        RUN git config --global http.sslCAInfo /etc/ssl/ca.pem && git config --global http.sslVerify true
        """);
}

public sealed class TlsVerificationDisabledByEnvTests
{
    [Fact]
    public void Fires_in_env_arg_assignment_and_export() => LintCase.Assert("BDF240", """
        FROM node:22-slim
        #! BDF240
        ENV NODE_TLS_REJECT_UNAUTHORIZED=0
        #! BDF240
        ARG PYTHONHTTPSVERIFY=0
        #! BDF240
        RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci
        #! BDF240
        RUN export PYTHONHTTPSVERIFY=0 && python fetch.py
        """);

    [Fact]
    public void Quiet_when_verification_stays_on() => LintCase.Assert("BDF240", """
        FROM node:22-slim
        ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1
        RUN echo NODE_TLS_REJECT_UNAUTHORIZED=0
        """);
}

public sealed class AptUnauthenticatedPackagesTests
{
    [Fact]
    public void Fires_on_unauthenticated_installs() => LintCase.Assert("BDF241", """
        FROM debian:12-slim
        #! BDF241
        RUN apt-get update && apt-get install -y --allow-unauthenticated curl
        #! BDF241
        RUN apt-get install -y --force-yes git
        #! BDF241
        RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y jq
        """);

    [Fact]
    public void Quiet_on_signed_installs() => LintCase.Assert("BDF241", """
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        """);
}

public sealed class RemoteScriptPipedToShellTests
{
    [Fact]
    public void Fires_on_curl_or_wget_into_a_shell() => LintCase.Assert("BDF242", """
        FROM debian:12-slim
        #! BDF242
        RUN curl -fsSL https://get.example.com | sh
        #! BDF242
        RUN wget -qO- https://install.example.com | sudo bash -s -- --yes
        RUN <<EOF
        #! BDF242
        curl -fsSL https://sh.rustup.rs | sh -s -- -y
        EOF
        """);

    [Fact]
    public void Quiet_on_verified_downloads_and_other_pipes() => LintCase.Assert("BDF242", """
        FROM debian:12-slim
        RUN curl -fsSLo /tmp/install.sh https://get.example.com && echo "abc  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh
        RUN curl -fsSL https://example.com/app.tgz | tar xz
        """);
}
