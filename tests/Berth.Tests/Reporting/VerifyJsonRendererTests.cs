using System.Text.Json;
using Berth.Reporting;
using Berth.Verification;

namespace Berth.Tests.Reporting;

public sealed class VerifyJsonRendererTests
{
    [Fact]
    public void Writes_the_report_with_camel_case_names_and_lowercase_statuses()
    {
        var json = VerifyJsonRenderer.Render(VerifySamples.Small());
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(
            ["image", "sizeBytes", "passed", "engine", "elapsedSeconds", "checks", "layers", "efficiency", "inventedEnvironment", "notes"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("berth-verify/shop:latest", root.GetProperty("image").GetString());
        Assert.Equal(142_312_448, root.GetProperty("sizeBytes").GetInt64());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal("docker 27.3.1", root.GetProperty("engine").GetString());
        Assert.Equal(83.4, root.GetProperty("elapsedSeconds").GetDouble());

        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["pass", "fail", "skip"], checks.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(["id", "name", "status", "detail", "evidence"], checks[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("BV301", checks[1].GetProperty("id").GetString());
        Assert.Equal("non-root-user", checks[1].GetProperty("name").GetString());
        Assert.Equal("User is \"root\", not a numeric uid", checks[1].GetProperty("detail").GetString());
        Assert.Equal(["docker image inspect: .Config.User = \"root\"", "line one\nline two"], checks[1].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(checks[0].GetProperty("evidence").EnumerateArray());

        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(["index", "sizeBytes", "createdBy", "fromBaseImage"], layers[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([true, false], layers.Select(l => l.GetProperty("fromBaseImage").GetBoolean()));
        Assert.Equal(67_512_448, layers[1].GetProperty("sizeBytes").GetInt64());

        var efficiency = root.GetProperty("efficiency");
        Assert.Equal(0.973, efficiency.GetProperty("efficiency").GetDouble());
        Assert.Equal(3_412_345, efficiency.GetProperty("wastedBytes").GetInt64());
        Assert.Equal(67_512_448, efficiency.GetProperty("userSizeBytes").GetInt64());
        Assert.Equal(0.0506, efficiency.GetProperty("userWastedRatio").GetDouble());
        var wasted = Assert.Single(efficiency.GetProperty("topWasted").EnumerateArray());
        Assert.Equal("/app/static/bundle.js", wasted.GetProperty("path").GetString());
        Assert.Equal(2, wasted.GetProperty("copies").GetInt32());
        Assert.Equal(2_400_000, wasted.GetProperty("cumulativeBytes").GetInt64());
    }

    [Fact]
    public void Secret_placeholders_have_a_null_value()
    {
        using var document = JsonDocument.Parse(VerifyJsonRenderer.Render(VerifySamples.Small()));
        var env = document.RootElement.GetProperty("inventedEnvironment").EnumerateArray().ToList();
        Assert.Equal(["name", "kind", "value"], env[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("postgresql://verify:verify@localhost:5432/verify", env[0].GetProperty("value").GetString());
        Assert.Equal("SECRET_KEY", env[1].GetProperty("name").GetString());
        Assert.Equal("secret", env[1].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, env[1].GetProperty("value").ValueKind);
    }

    [Fact]
    public void Output_is_indented_lf_terminated_readable_and_stable()
    {
        var json = VerifyJsonRenderer.Render(VerifySamples.Realistic());
        Assert.StartsWith("{\n  \"image\": \"ghcr.io/acme/shop-api:verify-3f9c2e1\",\n", json);
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain('\r', json);
        Assert.Contains("\"detail\": \"User is \\\"app\\\", a name:", json);
        Assert.Contains("for src in idle3", json);
        Assert.DoesNotContain("\\u0022", json);
        Assert.Equal(json, VerifyJsonRenderer.Render(VerifySamples.Realistic()));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(VerifyCheck.All.Count, document.RootElement.GetProperty("checks").GetArrayLength());
        Assert.Equal(12, document.RootElement.GetProperty("layers").GetArrayLength());
    }

    [Fact]
    public void No_efficiency_is_null()
    {
        using var document = JsonDocument.Parse(VerifyJsonRenderer.Render(VerifySamples.Small() with { Efficiency = null, Layers = [], InventedEnvironment = [] }));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("efficiency").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("layers").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("inventedEnvironment").GetArrayLength());
    }
}
