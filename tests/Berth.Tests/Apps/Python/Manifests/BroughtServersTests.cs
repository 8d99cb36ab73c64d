using Berth.Apps.Python.Manifests;

namespace Berth.Tests.Apps.Python.Manifests;

public sealed class BroughtServersTests
{
    private static PythonRequirement Requirement(string text, int line = 1) => Pep508Parser.Parse(text).At("requirements.txt", line);

    [Fact]
    public void Fastapi_standard_brings_uvicorn()
    {
        var brought = Assert.Single(BroughtServers.Find([Requirement("fastapi[standard]>=0.115", 3)], [], null));
        Assert.Equal("uvicorn", brought.Name);
        Assert.Equal("fastapi[standard] (requirements.txt:3)", brought.By);
    }

    [Fact]
    public void Plain_fastapi_brings_no_server() =>
        Assert.Empty(BroughtServers.Find([Requirement("fastapi>=0.115")], [], null));

    [Fact]
    public void Uvicorn_worker_brings_both_servers() =>
        Assert.Equal(["gunicorn", "uvicorn"], BroughtServers.Find([Requirement("uvicorn-worker")], [], null).Select(b => b.Name));

    [Fact]
    public void A_server_named_directly_is_not_reported_as_brought() =>
        Assert.Empty(BroughtServers.Find([Requirement("fastapi[all]"), Requirement("uvicorn==0.30.6", 2)], [], null));

    [Fact]
    public void A_main_group_lock_entry_brings_the_server_a_dev_entry_does_not()
    {
        var locked = new[]
        {
            new LockedPackage("uvicorn", "0.30.6", ["main"], null),
            new LockedPackage("gunicorn", "23.0.0", ["dev"], null),
        };
        var brought = Assert.Single(BroughtServers.Find([Requirement("starlette")], locked, "uv.lock"));
        Assert.Equal(new BroughtServer("uvicorn", "uv.lock (main group, 0.30.6)"), brought);
    }
}
