using Berth.Linting;
using Berth.Reporting;
using Berth.Tests.Support;

namespace Berth.Tests.Reporting;

public sealed class GithubAnnotationsRendererTests
{
    [Fact]
    public void Prints_one_workflow_command_per_finding()
    {
        Finding[] findings =
        [
            new("BDF401", "user-site-unreadable", Severity.Error, "/repo/svc/Dockerfile", 5, 1, 5, 46, "50% of it, a:b\nnext line", null),
            new("BDF501", "shell-form-command", Severity.Warning, "/repo/a,b:c/Dockerfile", 9, 2, 9, 50, "shell form", "use exec form"),
            new("BDF502", "some-info", Severity.Info, "/repo/Dockerfile", 1, 1, 1, 5, "note\r", null),
        ];
        Assert.Equal(
            "::error file=svc/Dockerfile,line=5,col=1,endLine=5,endColumn=46,title=BDF401 user-site-unreadable::50%25 of it, a:b%0Anext line\n" +
            "::warning file=a%2Cb%3Ac/Dockerfile,line=9,col=2,endLine=9,endColumn=50,title=BDF501 shell-form-command::shell form%0Afix: use exec form\n" +
            "::notice file=Dockerfile,line=1,col=1,endLine=1,endColumn=5,title=BDF502 some-info::note%0D\n",
            GithubAnnotationsRenderer.Render(findings, "/repo"));
    }

    [Fact]
    public void Cli_prints_annotations()
    {
        using var tree = new TempTree(new Dictionary<string, string> { ["Dockerfile"] = "FROM python:3.11-slim\nUSER 10001\nCMD python app.py\n" });
        var run = BerthCli.Run("lint", tree.Root, "--format", "github");
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.Contains(",title=BDF501 ", StringComparison.Ordinal));
        Assert.StartsWith("::warning file=", line);
        Assert.Contains(",line=3,col=1,", line);
    }
}
