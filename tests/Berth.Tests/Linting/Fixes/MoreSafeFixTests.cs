using Berth.Dockerfiles;
using Berth.Linting;
using Berth.Linting.Fixes;

namespace Berth.Tests.Linting.Fixes;

public sealed class AptGetYesFixTests
{
    private static string Fix(string text) => DockerfileFixer.Fix(DockerfileParser.Parse("Dockerfile", text), [new AptGetYesFix()]).Document.ToText();

    [Theory]
    [InlineData("FROM debian:12\nRUN apt-get update && apt-get install curl\n", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get -q install --no-install-recommends curl\n", "FROM debian:12\nRUN apt-get -q install -y --no-install-recommends curl\n")]
    [InlineData("FROM debian:12\nRUN apt install a && apt-get install b \\\n  # note\n  && rm -rf /x\n", "FROM debian:12\nRUN apt install -y a && apt-get install -y b \\\n  # note\n  && rm -rf /x\n")]
    [InlineData("\uFEFFFROM debian:12\r\nRUN apt-get install curl\r\n# after\r\n", "\uFEFFFROM debian:12\r\nRUN apt-get install -y curl\r\n# after\r\n")]
    public void Fires_adding_y_and_keeps_every_other_byte(string before, string after)
    {
        Assert.Equal(after, Fix(before));
        Assert.Equal(after, Fix(after)); // idempotent
        Assert.DoesNotContain(DockerfileLinter.Lint("Dockerfile", Fix(before)), f => f.Rule == "BDF205");
    }

    [Theory]
    [InlineData("FROM debian:12\nRUN apt-get install -y curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get install -qq curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get --assume-yes install curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n")]
    [InlineData("FROM debian:12\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n")]
    [InlineData("FROM debian:12\nRUN apt-get update\n")]
    [InlineData("FROM debian:12\nRUN [\"apt-get\", \"install\", \"curl\"]\n")]
    [InlineData("FROM debian:12\nRUN sh -c 'apt-get install curl'\n")]
    [InlineData("FROM debian:12\nRUN <<EOF\napt-get install curl\nEOF\n")]
    public void Quiet_on_installs_that_answer_or_are_not_ours_to_touch(string text) => Assert.Equal(text, Fix(text));
}

public sealed class MaintainerLabelFixTests
{
    private static string Fix(string text) => DockerfileFixer.Fix(DockerfileParser.Parse("Dockerfile", text), [new MaintainerLabelFix()]).Document.ToText();

    [Theory]
    [InlineData("FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n", "FROM debian:12\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\nRUN true\n")]
    [InlineData("FROM debian:12\n  maintainer jane   \r\n", "FROM debian:12\n  label org.opencontainers.image.authors=\"jane\"\r\n")]
    [InlineData("FROM debian:12\nMAINTAINER The \"$TEAM\" team \\o/\n", "FROM debian:12\nLABEL org.opencontainers.image.authors=\"The \\\"\\$TEAM\\\" team \\\\o/\"\n")]
    [InlineData("# escape=`\nFROM debian:12\nMAINTAINER a\\b \"c\"\n", "# escape=`\nFROM debian:12\nLABEL org.opencontainers.image.authors=\"a\\b `\"c`\"\"\n")]
    public void Fires_turning_maintainer_into_the_authors_label(string before, string after)
    {
        var fixedText = Fix(before);
        Assert.Equal(after, fixedText);
        Assert.Equal(after, Fix(after)); // idempotent
        var document = DockerfileParser.Parse("Dockerfile", fixedText);
        var label = Assert.Single(document.Instructions.OfType<LabelInstruction>()).Pairs.Single();
        Assert.Equal(MaintainerLabelFix.Label, label.Key);
        var expected = DockerfileParser.Parse("Dockerfile", before).Instructions.OfType<MaintainerInstruction>().Single().Maintainer.Trim();
        Assert.Equal(expected, VariableExpander.Expand(label.RawValue, _ => null, document.EscapeChar).Value);
        Assert.DoesNotContain(DockerfileLinter.Lint("Dockerfile", fixedText), f => f.Rule == "BDF507");
    }

    [Theory]
    [InlineData("FROM debian:12\nMAINTAINER\n")]
    [InlineData("FROM debian:12\nMAINTAINER jane \\\n  doe\n")]
    [InlineData("FROM debian:12\nLABEL maintainer=jane\n")]
    public void Quiet_on_empty_or_continued_maintainers(string text) => Assert.Equal(text, Fix(text));
}
