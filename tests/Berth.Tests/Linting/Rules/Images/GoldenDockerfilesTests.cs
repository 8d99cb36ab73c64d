using Berth.Linting;
using Berth.Linting.Rules.Images;
using Berth.Tests.Support;

namespace Berth.Tests.Linting.Rules.Images;

/// <summary>Every Dockerfile in the generator's golden files passes the image-family rules.</summary>
public sealed class GoldenDockerfilesTests
{
    [Fact]
    public void Golden_dockerfiles_have_no_image_rule_findings()
    {
        var ids = ImageRules.All.Select(r => r.Info.Id).ToHashSet();
        var golden = Path.Combine(RepoPaths.Root, "tests", "Berth.Tests", "Golden");
        var files = Directory.EnumerateFiles(golden, "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var findings = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(golden, file).Replace('\\', '/');
            findings.AddRange(DockerfileLinter.Lint(file, File.ReadAllText(file))
                .Where(f => ids.Contains(f.Rule))
                .Select(f => $"{relative}:{f.Line}: {f.Rule} {f.Message}"));
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
