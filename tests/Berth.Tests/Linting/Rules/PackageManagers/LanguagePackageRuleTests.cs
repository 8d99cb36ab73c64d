namespace Berth.Tests.Linting.Rules.PackageManagers;

public sealed class NpmInstallUnpinnedTests
{
    [Fact]
    public void Fires_on_bare_and_scoped_names() => LintCase.Assert("BDF223", """
        FROM node:22-slim
        #! BDF223
        RUN npm install -g pm2 && npm i @nestjs/cli@10.4.5
        #! BDF223
        RUN npm install --save-exact @types/node
        #! BDF223
        RUN npm install git+ssh://git@gitlab.example.com:team/ui-kit.git
        #! BDF223
        RUN npm install github:org/repo
        """);

    [Fact]
    public void One_finding_per_command_names_every_unpinned_package()
    {
        var finding = Assert.Single(LintCase.Assert("BDF223", """
            FROM node:22-slim
            #! BDF223
            RUN npm install -g pm2 typescript@5.6.3 @nestjs/cli
            """));
        Assert.Equal("npm installs 'pm2' and '@nestjs/cli' at whatever version is newest when the image builds", finding.Message);
        Assert.Equal("Pin them (pm2@<version>, @nestjs/cli@<version>), or add them to package.json and install from the lock with npm ci", finding.Fix);
    }

    [Fact]
    public void Quiet_on_lock_installs_versions_folders_tarballs_and_git() => LintCase.Assert("BDF223", """
        FROM node:22-slim
        RUN npm ci --omit=dev && npm install && npm install --prefix /app
        RUN npm install -g pm2@5.4.2 @scope/pkg@^1.2.0 ./packages/shared /tmp/pkg.tgz github:org/repo#v1.0 user/repo#main "next@${NEXT_VERSION}"
        RUN npm install ui-kit-2.0.1.tar git+https://gitlab.example.com/team/ui-kit.git#v2.0.1
        """);
}

public sealed class YarnCacheNotCleanedTests
{
    [Fact]
    public void Fires_without_cache_clean_in_the_final_image() => LintCase.Assert("BDF224", """
        FROM node:22-slim
        #! BDF224
        RUN yarn install --frozen-lockfile
        #! BDF224
        RUN yarn --production
        """);

    [Fact]
    public void Quiet_with_cache_clean_a_cache_mount_or_in_a_builder() => LintCase.Assert("BDF224", """
        FROM node:22-slim AS build
        RUN yarn install --frozen-lockfile && yarn build
        FROM node:22-slim
        RUN yarn install --frozen-lockfile --production && yarn cache clean
        RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile
        RUN yarn build
        RUN npm install -g yarn@1.22.22 && yarn --version
        """);
}

public sealed class GemInstallUnpinnedTests
{
    [Fact]
    public void Fires_on_unversioned_gems() => LintCase.Assert("BDF225", """
        FROM ruby:3.3-slim
        #! BDF225
        RUN gem install bundler:2.5.16 rake
        #! BDF225
        RUN gem i rack
        """);

    [Fact]
    public void Build_options_after_double_dash_are_not_gems() => LintCase.Assert("BDF225", """
        FROM ruby:3.3-slim
        RUN gem install pg:1.5.9 -- --with-pg-config=/usr/bin/pg_config static
        #! BDF225
        RUN gem install nokogiri -- --use-system-libraries
        """);

    [Fact]
    public void One_finding_per_command_names_every_unpinned_gem()
    {
        var finding = Assert.Single(LintCase.Assert("BDF225", """
            FROM ruby:3.3-slim
            #! BDF225
            RUN gem install rake bundler:2.5.16 rack puma
            """));
        Assert.Equal("gem installs 'rake', 'rack' and 'puma' at whatever version is newest when the image builds", finding.Message);
        Assert.Equal("Pin them (rake:<version>, rack:<version>, puma:<version>)", finding.Fix);
    }

    [Fact]
    public void Quiet_on_versions_and_local_gems() => LintCase.Assert("BDF225", """
        FROM ruby:3.3-slim
        RUN gem install bundler -v 2.5.16 && gem install rails --version "~> 7.1" && gem install ./vendor/x.gem && gem update --system
        """);
}

public sealed class GoInstallUnpinnedTests
{
    [Fact]
    public void Fires_on_latest_and_missing_versions() => LintCase.Assert("BDF226", """
        FROM golang:1.23
        #! BDF226
        RUN go install github.com/go-delve/delve/cmd/dlv@latest
        #! BDF226
        RUN go get golang.org/x/tools/gopls
        """);

    [Fact]
    public void One_finding_per_command_names_every_unpinned_module()
    {
        var finding = Assert.Single(LintCase.Assert("BDF226", """
            FROM golang:1.23
            #! BDF226
            RUN go install github.com/go-delve/delve/cmd/dlv@latest honnef.co/go/tools/cmd/staticcheck@2024.1.1 golang.org/x/tools/gopls
            """));
        Assert.Equal("'go install' fetches 'github.com/go-delve/delve/cmd/dlv@latest' and 'golang.org/x/tools/gopls' at whatever version is newest when the image builds", finding.Message);
        Assert.Equal("Pin them (github.com/go-delve/delve/cmd/dlv@v<version>, golang.org/x/tools/gopls@v<version>)", finding.Fix);
    }

    [Fact]
    public void Quiet_on_versions_and_local_packages() => LintCase.Assert("BDF226", """
        FROM golang:1.23
        RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1 && go install ./cmd/server && go build -o /app ./...
        RUN go run -ldflags "-s -w" ./tools/gen github.com/whatever && go install std
        """);
}
