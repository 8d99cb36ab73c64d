using Berth.Linting.Labels;

namespace Berth.Tests.Linting.Rules.Metadata;

public sealed class LabelValuesTests
{
    [Theory]
    [InlineData("https://github.com/acme/shop", true)]
    [InlineData("http://localhost:8080/x?y=1#z", true)]
    [InlineData("urn:isbn:0451450523", true)]
    [InlineData("mailto:team@example.com", true)]
    [InlineData("https://example.com/a%20b", true)]
    [InlineData("github.com/acme/shop", false)]
    [InlineData("https://", false)]
    [InlineData("https:///path", false)]
    [InlineData("https://example.com/a b", false)]
    [InlineData("https://example.com/%zz", false)]
    [InlineData("1http://x", false)]
    [InlineData(":nothing", false)]
    [InlineData("", false)]
    public void Url(string value, bool valid) => Assert.Equal(valid, LabelValues.IsUrl(value));

    [Theory]
    [InlineData("team@example.com", true)]
    [InlineData("a.b+c@sub.example.co.uk", true)]
    [InlineData("\"jane doe\"@example.com", true)]
    [InlineData("root@localhost", true)]
    [InlineData("x@[192.168.0.1]", true)]
    [InlineData("Jane <jane@example.com>", false)]
    [InlineData("jane", false)]
    [InlineData("@example.com", false)]
    [InlineData("jane@", false)]
    [InlineData("jane..doe@example.com", false)]
    [InlineData("jane@example..com", false)]
    [InlineData("jane@-example.com", false)]
    [InlineData("jane doe@example.com", false)]
    public void Email(string value, bool valid) => Assert.Equal(valid, LabelValues.IsEmail(value));

    [Theory]
    [InlineData("2025-01-31T09:30:00Z", true)]
    [InlineData("2025-01-31t09:30:00z", true)]
    [InlineData("2025-01-31 09:30:00+01:00", true)]
    [InlineData("2024-02-29T00:00:00.123456-08:00", true)]
    [InlineData("2016-12-31T23:59:60Z", true)]
    [InlineData("2025-01-31", false)]
    [InlineData("2025-01-31T09:30:00", false)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2025-13-01T00:00:00Z", false)]
    [InlineData("2025-01-31T24:00:00Z", false)]
    [InlineData("2025-01-31T09:30:00+0100", false)]
    [InlineData("2025-01-31T09:30:00Z\n", false)]
    [InlineData("٢٠٢٥-01-31T09:30:00Z", false)]
    public void Rfc3339(string value, bool valid) => Assert.Equal(valid, LabelValues.IsRfc3339(value));

    [Theory]
    [InlineData("0.0.0", true)]
    [InlineData("1.4.2", true)]
    [InlineData("1.0.0-alpha.1", true)]
    [InlineData("1.0.0-0A.is.legal", true)]
    [InlineData("1.0.0+20130313144700", true)]
    [InlineData("1.0.0-beta+exp.sha.5114f85", true)]
    [InlineData("1.4", false)]
    [InlineData("v1.4.2", false)]
    [InlineData("01.4.2", false)]
    [InlineData("1.0.0-01", false)]
    [InlineData("1.0.0-", false)]
    [InlineData("1.0.0+", false)]
    [InlineData("1.0.0\n", false)]
    public void Semver(string value, bool valid) => Assert.Equal(valid, LabelValues.IsSemver(value));

    [Theory]
    [InlineData("4f9c2e1", true)]
    [InlineData("4f9c2e1a", true)]
    [InlineData("4F9C2E1A7B3D5E6F8091A2B3C4D5E6F708192A3B", true)]
    [InlineData("4f9c2e1a7b3d5e6f8091a2b3c4d5e6f708192a3b4f9c2e1a7b3d5e6f8091a2b3", true)]
    [InlineData("4f9c2e", false)]
    [InlineData("main", false)]
    [InlineData("4f9c2e1a7b3d5e6f8091a2b3c4d5e6f708192a3b0", false)]
    [InlineData("4f9c2e1g", false)]
    public void Git_hash(string value, bool valid) => Assert.Equal(valid, LabelValues.IsGitHash(value));

    [Fact]
    public void Text_accepts_anything() => Assert.True(LabelValues.IsValid(LabelFormat.Text, "anything at all"));
}

public sealed class SpdxExpressionTests
{
    [Theory]
    [InlineData("MIT", true)]
    [InlineData("mit", true)]
    [InlineData("Apache-2.0", true)]
    [InlineData("GPL-2.0", true)]
    [InlineData("GPL-2.0+", true)]
    [InlineData("MIT OR Apache-2.0", true)]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause", true)]
    [InlineData("((MIT))", true)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", true)]
    [InlineData("LicenseRef-acme-1.0", true)]
    [InlineData("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", true)]
    [InlineData("", false)]
    [InlineData("Apache 2", false)]
    [InlineData("MIT OR", false)]
    [InlineData("OR MIT", false)]
    [InlineData("MIT mit", false)]
    [InlineData("MIT or Apache-2.0", false)]
    [InlineData("(MIT", false)]
    [InlineData("MIT)", false)]
    [InlineData("MIT WITH", false)]
    [InlineData("MIT WITH OR", false)]
    [InlineData("LicenseRef-", false)]
    [InlineData("DocumentRef-x", false)]
    [InlineData("Proprietary", false)]
    [InlineData("MIT/Apache-2.0", false)]
    public void Reads_ids_and_expressions(string value, bool valid) => Assert.Equal(valid, SpdxExpression.IsValid(value));

    [Fact]
    public void The_embedded_list_has_the_common_ids()
    {
        foreach (var id in new[] { "MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-or-later", "MPL-2.0", "ISC", "Unlicense", "0BSD" })
            Assert.True(SpdxExpression.IsLicenseId(id), id);
    }
}
