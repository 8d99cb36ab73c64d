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

    [Fact]
    public void Fires_on_kinds_the_generated_schema_lacks_and_leaves_unlisted_pre_release_groups_alone()
    {
        var findings = KubeCase.Assert("BK8005", """
            apiVersion: networking.k8s.io/v1
            #! BK8005
            kind: NetworkPolicyy
            metadata: {name: a}
            ---
            #! BK8005
            apiVersion: gateway.networking.k8s.io/v2
            kind: HTTPRoute
            metadata: {name: b}
            ---
            apiVersion: storage.k8s.io/v1
            kind: VolumeAttributesClass
            metadata: {name: c}
            ---
            apiVersion: resource.k8s.io/v1beta2
            kind: ResourceClaim
            metadata: {name: d}
            """);
        Assert.Contains("did you mean NetworkPolicy?", findings[0].Message);
        Assert.Equal("apiVersion: gateway.networking.k8s.io/v1", findings[1].Fix);
    }
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
    public void Fires_deep_in_a_pod_spec_with_the_path_and_column()
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
                      securityContext:
            #! BK8006
                        capabilites: {drop: [ALL]}
                      volumeMounts:
            #! BK8006
                        - {name: tmp, mountpath: /tmp}
                  volumes:
                    - name: tmp
            #! BK8006
                      emptydir: {}
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 1
                          podAffinityTerm:
            #! BK8006
                            topologykey: kubernetes.io/hostname
            """);
        Assert.Equal("'capabilites' is not a field of SecurityContext (at spec.template.spec.containers[0].securityContext); did you mean 'capabilities'?", findings[0].Message);
        Assert.Equal(13, findings[0].Column);
        Assert.Equal("mountPath", findings[1].Fix);
        Assert.Equal("emptyDir", findings[2].Fix);
        Assert.Equal("topologyKey", findings[3].Fix);
    }

    [Fact]
    public void Fires_on_kinds_beyond_workloads_and_on_gateway_api_objects()
    {
        var findings = KubeCase.Assert("BK8006", """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
                - http:
                    paths:
                      - path: /
            #! BK8006
                        pathtype: Prefix
                        backend: {service: {name: web, port: {number: 80}}}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web}
            spec:
              parentRefs: [{name: gw}]
              rules:
                - matches: [{path: {type: PathPrefix, value: /}}]
            #! BK8006
                  backendRef: [{name: web, port: 80}]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 3
              metrics:
                - type: Resource
            #! BK8006
                  resource: {name: cpu, target: {type: Utilization, averageUtilisation: 70}}
            """);
        Assert.Equal("pathType", findings[0].Fix);
        Assert.Equal("backendRefs", findings[1].Fix);
        Assert.Equal("averageUtilization", findings[2].Fix);
    }

    [Fact]
    public void Quiet_on_complete_real_objects_and_retired_versions() => KubeCase.Assert("BK8006", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: data, labels: {app: db}, annotations: {a: b}}
        spec:
          serviceName: db
          replicas: 1
          selector: {matchLabels: {app: db}}
          persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Delete}
          template:
            metadata: {labels: {app: db}}
            spec:
              securityContext: {fsGroup: 999, seccompProfile: {type: RuntimeDefault}}
              topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: db}}}]
              initContainers:
                - {name: init, image: busybox:1.36, command: [sh, -c, "true"], restartPolicy: Always}
              containers:
                - name: db
                  image: postgres:17
                  ports: [{name: pg, containerPort: 5432, protocol: TCP}]
                  env:
                    - name: PASSWORD
                      valueFrom: {secretKeyRef: {name: db, key: password, optional: false}}
                  resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {memory: 512Mi}}
                  readinessProbe: {exec: {command: [pg_isready]}, periodSeconds: 5}
                  livenessProbe: {tcpSocket: {port: pg}}
                  lifecycle: {preStop: {sleep: {seconds: 5}}}
                  securityContext: {capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
                  volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: cls
          listeners:
            - name: https
              port: 443
              protocol: HTTPS
              hostname: example.com
              tls: {mode: Terminate, certificateRefs: [{kind: Secret, name: cert}]}
              allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: HTTPRoute}]}
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: old}
        spec: {anything: goes}
        """);

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

    [Fact]
    public void Fires_deep_in_the_spec_and_on_lists_written_as_mappings()
    {
        var findings = KubeCase.Assert("BK8007", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: web
            #! BK8007
                      args: [--workers, 4]
                      readinessProbe:
                        httpGet: {path: /, port: 8080}
            #! BK8007
                        periodSeconds: "10"
                      securityContext:
            #! BK8007
                        capabilities: {drop: ALL}
                  initContainers:
            #! BK8007
                    name: init
                    image: busybox
            """);
        Assert.Equal("spec.template.spec.containers[0].args[1] must be a string, but YAML reads the bare 4 as a number: quote it", findings[0].Message);
        Assert.Equal("\"4\"", findings[0].Fix);
        Assert.Equal("periodSeconds: 10", findings[1].Fix);
        Assert.Equal("spec.template.spec.containers[0].securityContext.capabilities.drop must be a list, not the string \"ALL\"", findings[2].Message);
        Assert.Contains("spec.template.spec.initContainers must be a list, not a mapping", findings[3].Message);
    }

    [Fact]
    public void Quiet_on_int_or_string_ports_and_quantities_as_numbers_or_strings() => KubeCase.Assert("BK8007", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
          template:
            spec:
              containers:
                - name: web
                  resources: {requests: {cpu: 0.5, memory: 128Mi}, limits: {cpu: "1", memory: 256M}}
                  readinessProbe: {httpGet: {path: /, port: 8080}}
                  livenessProbe: {httpGet: {path: /, port: http}}
                  startupProbe: {tcpSocket: {port: "8080"}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports:
            - {port: 80, targetPort: http}
            - {port: 81, targetPort: 8081}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 50%, selector: {matchLabels: {app: web}}}
        """);

    [Fact]
    public void Fires_on_a_boolean_where_an_int_or_string_port_goes() => KubeCase.Assert("BK8007", """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports:
        #! BK8007
            - {port: 80, targetPort: true}
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

public sealed class SchemaNotCheckedTests
{
    [Fact]
    public void Fires_once_per_custom_resource_kind_saying_it_was_not_checked()
    {
        var findings = KubeCase.Assert("BK8009", """
            apiVersion: cert-manager.io/v1
            #! BK8009
            kind: Certificate
            metadata: {name: a}
            spec: {secretNmae: a-tls}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: b}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec: {group: example.com, names: {kind: Widget}}
            ---
            apiVersion: example.com/v1
            #! BK8009
            kind: Widget
            metadata: {name: w}
            """);
        Assert.Equal("cert-manager.io/v1 Certificate not checked (2 object(s)): Berth has no schema for it, so its fields and their types were not validated", findings[0].Message);
        Assert.Contains("its CustomResourceDefinition in this set is not read for fields", findings[1].Message);
        Assert.All(findings, f => Assert.Equal(Berth.Linting.Severity.Info, f.Severity));
    }

    [Fact]
    public void Quiet_on_built_in_kinds_and_on_what_BK8004_and_BK8005_report() => KubeCase.Assert("BK8009", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: b}
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: c}
        ---
        apiVersion: apps/v1
        kind: Deploymnet
        metadata: {name: d}
        """);
}
