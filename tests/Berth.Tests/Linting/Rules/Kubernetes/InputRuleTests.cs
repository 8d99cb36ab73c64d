namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class YamlSyntaxErrorTests
{
    [Fact]
    public void Fires_at_the_position_of_the_error() => KubeCase.Assert("BK8001", """
        apiVersion: v1
        kind: ConfigMap
        data:
          a: "1"
        #! BK8001
          b: c: d
        """);

    [Fact]
    public void Quiet_on_valid_multi_document_yaml() => KubeCase.Assert("BK8001", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
        """);
}

public sealed class DuplicateYamlKeyTests
{
    [Fact]
    public void Fires_on_the_repeated_key() => KubeCase.Assert("BK8002", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
        #! BK8002
          name: b
        """);

    [Fact]
    public void Quiet_when_keys_repeat_only_in_different_mappings() => KubeCase.Assert("BK8002", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        data: {name: b}
        """);
}
