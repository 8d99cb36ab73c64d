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

public sealed class NotAKubernetesObjectTests
{
    [Fact]
    public void Fires_on_documents_without_kind_or_api_version() => KubeCase.Assert("BK8003", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        #! BK8003
        metadata: {name: b}
        data: {x: "1"}
        ---
        #! BK8003
        - just
        - a list
        """);

    [Fact]
    public void Quiet_on_objects_lists_and_empty_documents() => KubeCase.Assert("BK8003", """
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
        ---
        # nothing here
        """);
}

public sealed class RetiredApiVersionTests
{
    [Fact]
    public void Fires_on_removed_and_deprecated_versions()
    {
        var findings = KubeCase.Assert("BK8004", """
            #! BK8004
            apiVersion: extensions/v1beta1
            kind: Deployment
            metadata: {name: a}
            ---
            #! BK8004
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: b}
            ---
            #! BK8004
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: HTTPRoute
            metadata: {name: c}
            """);
        Assert.Equal("apiVersion: apps/v1", findings[0].Fix);
        Assert.Contains("not served since Kubernetes 1.25", findings[1].Message);
        Assert.Contains("is deprecated", findings[2].Message);
    }

    [Fact]
    public void Quiet_on_current_versions_and_custom_resources() => KubeCase.Assert("BK8004", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: g}
        ---
        apiVersion: monitoring.coreos.com/v1beta1
        kind: ServiceMonitor
        metadata: {name: m}
        """);
}

public sealed class UnknownKindTests
{
    [Fact]
    public void Fires_on_misspelt_kinds_and_versions_of_built_in_groups()
    {
        var findings = KubeCase.Assert("BK8005", """
            apiVersion: apps/v1
            #! BK8005
            kind: Deploymnet
            metadata: {name: a}
            ---
            #! BK8005
            apiVersion: apps/v2
            kind: Deployment
            metadata: {name: b}
            ---
            apiVersion: v1
            #! BK8005
            kind: Deployment
            metadata: {name: c}
            """);
        Assert.Contains("did you mean Deployment?", findings[0].Message);
        Assert.Equal("apiVersion: apps/v1", findings[1].Fix);
    }

    [Fact]
    public void Quiet_on_custom_resources_and_kinds_defined_by_a_crd_in_the_set() => KubeCase.Assert("BK8005", """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: a}
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.apps}
        spec:
          group: apps
          names: {kind: Widget}
        ---
        apiVersion: apps/v1
        kind: Widget
        metadata: {name: w}
        """);
}

public sealed class UnknownFieldTests
{
    [Fact]
    public void Fires_on_misspelt_and_misplaced_fields_with_a_suggestion()
    {
        var findings = KubeCase.Assert("BK8006", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
            #! BK8006
                      imagepullPolicy: Always
            #! BK8006
                      livenesProbe: {httpGet: {path: /, port: 80}}
                      resources:
            #! BK8006
                        limit: {cpu: 100m}
            """);
        Assert.Equal("imagePullPolicy", findings[0].Fix);
        Assert.Contains("did you mean 'livenessProbe'?", findings[1].Message);
    }

    [Fact]
    public void Quiet_on_valid_objects_and_unmodelled_kinds() => KubeCase.Assert("BK8006", """
        apiVersion: v1
        kind: Service
        metadata: {name: web, labels: {anything: goes}}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http, appProtocol: http}]
        ---
        apiVersion: example.com/v1
        kind: Widget
        spec: {whatever: 1}
        """);
}

public sealed class WrongFieldTypeTests
{
    [Fact]
    public void Fires_on_strings_for_integers_and_bare_numbers_for_strings() => KubeCase.Assert("BK8007", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
        #! BK8007
            version: 1.0
        spec:
        #! BK8007
          replicas: "2"
          template:
            spec:
              containers:
                - name: web
                  env:
                    - name: PORT
        #! BK8007
                      value: 8080
                  securityContext:
        #! BK8007
                    runAsNonRoot: "yes"
        ---
        apiVersion: v1
        kind: ConfigMap
        data:
        #! BK8007
          WORKERS: 4
        """);

    [Fact]
    public void Quiet_on_well_typed_values_and_custom_resources() => KubeCase.Assert("BK8007", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {version: "1.0"}}
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: web
                  env: [{name: PORT, value: "8080"}]
                  livenessProbe: {httpGet: {path: /, port: http}}
                  securityContext: {runAsNonRoot: true}
        ---
        apiVersion: example.com/v1
        kind: Widget
        spec: {replicas: "many"}
        """);
}

public sealed class InvalidLabelValueTests
{
    [Fact]
    public void Fires_on_bad_keys_and_values() => KubeCase.Assert("BK8008", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels:
        #! BK8008
            team: "platform team"
        #! BK8008
            -bad: x
        #! BK8008
            owner: "-leading-dash"
        """);

    [Fact]
    public void Quiet_on_valid_labels_and_empty_values() => KubeCase.Assert("BK8008", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels:
            app.kubernetes.io/name: web
            team: platform_team.1
            empty: ""
        """);
}
