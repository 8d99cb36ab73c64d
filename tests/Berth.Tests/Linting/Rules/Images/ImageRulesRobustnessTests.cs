using Berth.Linting;
using Berth.Linting.Rules.Images;

namespace Berth.Tests.Linting.Rules.Images;

/// <summary>Broken or odd input never makes an image-family rule throw.</summary>
public sealed class ImageRulesRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("FROM\n")]
    [InlineData("FROM AS\nCOPY\nADD\nEXPOSE\nUSER\nWORKDIR\nENV\nLABEL\nHEALTHCHECK\nSTOPSIGNAL\nONBUILD\nMAINTAINER\n")]
    [InlineData("COPY . .\nRUN pip install -r requirements.txt\n")]
    [InlineData("ARG A=${A}\nFROM ${A:-${B}}:${C:+x} AS x y\nCOPY --from= a\nCOPY --from=${ /a /b\nEXPOSE /tcp - 1-2-3 :\nENV =x\nLABEL =x\nUSER :\nHEALTHCHECK --interval CMD\n")]
    [InlineData("FROM python:3.12-slim AS a\nFROM a AS b\nFROM b AS a\nCOPY --from=a / /\nCOPY --from=-1 x y\nWORKDIR ..\nCOPY [\"a\", \"b\"\n")]
    public void Quiet_on_broken_input_without_throwing(string dockerfile)
    {
        var findings = DockerfileLinter.Lint("Dockerfile", dockerfile, null, _ => true, "[\n**\n*/\n\\\n");
        Assert.NotNull(findings);
        foreach (var rule in ImageRules.All)
            Assert.NotNull(rule.Info.Summary);
    }
}
