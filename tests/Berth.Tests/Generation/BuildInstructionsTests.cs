using System.Text;
using Berth.Apps;
using Berth.Generation;

namespace Berth.Tests.Generation;

/// <summary>The Dockerfile header names the build context from the folder that holds the Dockerfile, wherever --out put it.</summary>
public sealed class BuildInstructionsTests
{
    [Fact]
    public void In_place_at_the_service_folder_the_context_is_that_folder()
    {
        var text = Header(Profile("api", "api"), OutputLayout.InPlace("/repo"));
        Assert.StartsWith("# Build from the folder that holds this file;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("docker build -f", text, StringComparison.Ordinal);
    }

    [Fact]
    public void In_place_a_workspace_member_builds_from_the_workspace_root()
    {
        var text = Header(Profile("packages/api", "."), OutputLayout.InPlace("/repo"));
        Assert.Contains("# Build context: ../.. from the folder that holds this file (the workspace root). In that folder:\n", text, StringComparison.Ordinal);
        Assert.Contains("#   docker build -f Dockerfile ../..\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_out_the_context_points_back_at_the_sources()
    {
        var text = Header(Profile("backend", "backend"), new OutputLayout("/work/repo", "/work/deploy/images", true));
        Assert.Contains("# Build context: ../../../repo/backend from the folder that holds this file (the service's sources; this file was written under --out, away from them)", text, StringComparison.Ordinal);
        Assert.Contains("#   docker build -f Dockerfile ../../../repo/backend\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_with_a_space_is_quoted_for_the_shell()
    {
        var text = Header(Profile(".", "."), new OutputLayout("/work/my repo", "/work/out", true));
        Assert.Contains("#   docker build -f Dockerfile '../my repo'\n", text, StringComparison.Ordinal);
    }

    private static string Header(ServiceProfile profile, OutputLayout layout)
    {
        var text = new StringBuilder();
        BuildInstructions.Append(text, profile, layout, "python:3.11-slim");
        return text.ToString();
    }

    private static ServiceProfile Profile(string path, string context) => new()
    {
        Name = "api",
        Path = path,
        BuildContext = context,
        Runtime = new RuntimeInfo("python", "3.11", "default"),
        Framework = "fastapi",
        Port = 8000,
        Health = [],
        Env = [],
        PackageManager = "pip",
        Dependencies = [],
    };
}
