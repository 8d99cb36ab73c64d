namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class CpuResourcesMissingTests
{
    [Fact]
    public void Fires_when_request_or_limit_is_missing()
    {
        KubeCase.Assert("BK8201", KubeFixtures.Bare("BK8201"));
        var findings = KubeCase.Assert("BK8201", """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
            #! BK8201
                  resources: {requests: {cpu: 100m, memory: 1Gi}}
            """);
        Assert.Contains("no cpu limit", findings[0].Message);
    }

    [Fact]
    public void Quiet_when_both_are_set() => KubeCase.Assert("BK8201", KubeFixtures.Hardened);
}

public sealed class MemoryResourcesMissingTests
{
    [Fact]
    public void Fires_when_request_or_limit_is_missing() => KubeCase.Assert("BK8202", """
        apiVersion: v1
        kind: Pod
        spec:
          initContainers:
        #! BK8202
            - name: init
          containers:
            - name: web
        #! BK8202
              resources: {limits: {cpu: 100m, memory: 1Gi}}
        """);

    [Fact]
    public void Quiet_when_both_are_set() => KubeCase.Assert("BK8202", KubeFixtures.Hardened);
}

public sealed class EphemeralStorageMissingTests
{
    [Fact]
    public void Fires_when_unset() => KubeCase.Assert("BK8203", KubeFixtures.Bare("BK8203"));

    [Fact]
    public void Quiet_when_set() => KubeCase.Assert("BK8203", KubeFixtures.Hardened);
}
