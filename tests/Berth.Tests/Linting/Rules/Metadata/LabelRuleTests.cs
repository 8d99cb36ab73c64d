using Berth.Linting.Configuration;
using Berth.Linting.Labels;

namespace Berth.Tests.Linting.Rules.Metadata;

internal static class Schemas
{
    public static LintConfiguration With(bool strict = false, params (string Label, LabelFormat Format)[] labels) => LintConfiguration.Empty with
    {
        LabelSchema = labels.ToDictionary(l => l.Label, l => l.Format, StringComparer.Ordinal),
        StrictLabels = strict,
    };

    public static LintConfiguration Of(string label, LabelFormat format) => With(false, (label, format));
}

public sealed class MissingRequiredLabelTests
{
    private static readonly LintConfiguration Required = Schemas.With(false, ("maintainer", LabelFormat.Email), ("version", LabelFormat.Semver));

    [Fact]
    public void Fires_on_the_final_from_once_per_missing_label()
    {
        var findings = LintCase.Assert("BDF519", """
            FROM python:3.12-slim AS build
            LABEL maintainer=team@example.com version=1.0.0
            #! BDF519
            FROM python:3.12-slim
            LABEL version=1.0.0
            """, configuration: Required);
        Assert.Single(findings);
        Assert.Contains("maintainer", findings[0].Message);
    }

    [Fact]
    public void Fires_for_each_label_when_none_is_set()
    {
        var findings = LintCase.Assert("BDF519", """
            #! BDF519
            FROM python:3.12-slim
            """, configuration: Required);
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Quiet_when_the_final_stage_chain_sets_them_in_any_form() => LintCase.Assert("BDF519", """
        FROM python:3.12-slim AS base
        LABEL maintainer team@example.com
        FROM base AS app
        LABEL other=1 \
              version="1.2.3"
        FROM app
        CMD ["python"]
        """, configuration: Required);

    [Fact]
    public void Quiet_without_a_schema_or_a_stage() => LintCase.Assert("BDF519", "FROM python:3.12-slim\n");

    [Fact]
    public void Quiet_on_an_empty_file_with_a_schema() => LintCase.Assert("BDF519", "", configuration: Required);
}

public sealed class SuperfluousLabelTests
{
    [Fact]
    public void Fires_on_each_key_outside_the_schema_with_strict_labels() => LintCase.Assert("BDF520", """
        FROM python:3.12-slim AS build
        #! BDF520
        LABEL stray=1
        FROM python:3.12-slim
        #! BDF520
        LABEL maintainer=team@example.com build-host=ci-7
        """, configuration: Schemas.With(true, ("maintainer", LabelFormat.Email)));

    [Fact]
    public void Quiet_without_strict_labels_or_on_listed_keys()
    {
        const string dockerfile = "FROM python:3.12-slim\nLABEL maintainer=team@example.com build-host=ci-7\n";
        LintCase.Assert("BDF520", dockerfile, configuration: Schemas.With(false, ("maintainer", LabelFormat.Email)));
        LintCase.Assert("BDF520", "FROM python:3.12-slim\nLABEL maintainer=team@example.com\n", configuration: Schemas.With(true, ("maintainer", LabelFormat.Email)));
    }
}

public sealed class EmptyLabelTests
{
    [Fact]
    public void Fires_on_empty_schema_labels() => LintCase.Assert("BDF521", """
        ARG EMPTY=""
        FROM python:3.12-slim
        ARG EMPTY
        #! BDF521
        LABEL version=""
        #! BDF521
        LABEL other=x version=
        #! BDF521
        LABEL version=$EMPTY
        """, configuration: Schemas.Of("version", LabelFormat.Text));

    [Fact]
    public void Quiet_on_values_unset_variables_and_labels_outside_the_schema() => LintCase.Assert("BDF521", """
        FROM python:3.12-slim
        ARG VERSION
        LABEL version=$VERSION
        LABEL version=1.0
        LABEL other=""
        """, configuration: Schemas.Of("version", LabelFormat.Text));
}

public sealed class LabelNotUrlTests
{
    [Fact]
    public void Fires_on_values_that_are_not_absolute_urls() => LintCase.Assert("BDF522", """
        FROM python:3.12-slim
        #! BDF522
        LABEL src=github.com/acme/shop
        #! BDF522
        LABEL src="https://exa mple.com"
        #! BDF522
        LABEL src https:/acme
        """, configuration: Schemas.Of("src", LabelFormat.Url));

    [Fact]
    public void Quiet_on_urls_expanded_args_and_empty_values() => LintCase.Assert("BDF522", """
        ARG REPO=https://github.com/acme/shop
        FROM python:3.12-slim
        ARG REPO
        LABEL src=https://github.com/acme/shop
        LABEL src=$REPO other=not-a-url
        LABEL src=git+ssh://git@github.com/acme/shop.git
        LABEL src=""
        LABEL src=$UNSET
        """, configuration: Schemas.Of("src", LabelFormat.Url));
}

public sealed class LabelNotRfc3339Tests
{
    [Fact]
    public void Fires_on_dates_without_time_or_out_of_range() => LintCase.Assert("BDF523", """
        FROM python:3.12-slim
        #! BDF523
        LABEL created=2025-01-31
        #! BDF523
        LABEL created=2025-02-30T10:00:00Z
        """, configuration: Schemas.Of("created", LabelFormat.Rfc3339));

    [Fact]
    public void Quiet_on_rfc3339_date_times() => LintCase.Assert("BDF523", """
        FROM python:3.12-slim
        LABEL created=2025-01-31T09:30:00Z
        LABEL created="2024-02-29T23:59:60.123+05:30"
        """, configuration: Schemas.Of("created", LabelFormat.Rfc3339));
}

public sealed class LabelNotSpdxTests
{
    [Fact]
    public void Fires_on_unknown_licenses_and_broken_expressions() => LintCase.Assert("BDF524", """
        FROM python:3.12-slim
        #! BDF524
        LABEL license="Apache 2"
        #! BDF524
        LABEL license="MIT OR"
        #! BDF524
        LABEL license=Proprietary
        """, configuration: Schemas.Of("license", LabelFormat.Spdx));

    [Fact]
    public void Quiet_on_ids_and_expressions() => LintCase.Assert("BDF524", """
        FROM python:3.12-slim
        LABEL license=Apache-2.0
        LABEL license="(MIT OR apache-2.0) AND LicenseRef-acme"
        LABEL license="GPL-2.0-only WITH Classpath-exception-2.0"
        """, configuration: Schemas.Of("license", LabelFormat.Spdx));
}

public sealed class LabelNotGitHashTests
{
    [Fact]
    public void Fires_on_branches_and_short_or_non_hex_values() => LintCase.Assert("BDF525", """
        FROM python:3.12-slim
        #! BDF525
        LABEL revision=main
        #! BDF525
        LABEL revision=4f9c2e
        #! BDF525
        LABEL revision=4f9c2e1g
        """, configuration: Schemas.Of("revision", LabelFormat.Hash));

    [Fact]
    public void Quiet_on_short_and_full_hashes() => LintCase.Assert("BDF525", """
        FROM python:3.12-slim
        LABEL revision=4f9c2e1
        LABEL revision=4f9c2e1a7b3d5e6f8091a2b3c4d5e6f708192a3b
        """, configuration: Schemas.Of("revision", LabelFormat.Hash));
}

public sealed class LabelNotSemverTests
{
    [Fact]
    public void Fires_on_partial_and_prefixed_versions() => LintCase.Assert("BDF526", """
        FROM python:3.12-slim
        #! BDF526
        LABEL version=1.4
        #! BDF526
        LABEL version=v1.4.2
        #! BDF526
        LABEL version=01.4.2
        """, configuration: Schemas.Of("version", LabelFormat.Semver));

    [Fact]
    public void Quiet_on_semantic_versions() => LintCase.Assert("BDF526", """
        FROM python:3.12-slim
        LABEL version=1.4.2
        LABEL version=2.0.0-rc.1+build.5
        """, configuration: Schemas.Of("version", LabelFormat.Semver));
}

public sealed class LabelNotEmailTests
{
    [Fact]
    public void Fires_on_names_and_malformed_addresses() => LintCase.Assert("BDF527", """
        FROM python:3.12-slim
        #! BDF527
        LABEL maintainer="Jane Doe"
        #! BDF527
        LABEL maintainer="Jane <jane@example.com>"
        #! BDF527
        LABEL maintainer=jane@-example.com
        """, configuration: Schemas.Of("maintainer", LabelFormat.Email));

    [Fact]
    public void Quiet_on_addresses_and_legacy_form() => LintCase.Assert("BDF527", """
        FROM python:3.12-slim
        LABEL maintainer=jane.doe+docker@example.co.uk
        LABEL maintainer team@localhost
        """, configuration: Schemas.Of("maintainer", LabelFormat.Email));
}
