namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class SelectorMismatchTests
{
    [Fact]
    public void Fires_on_missing_and_mismatched_selectors() => KubeCase.Assert("BK8501", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
        #! BK8501
          selector: {matchLabels: {app: api}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: a}]}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b}
        spec:
        #! BK8501
          serviceName: b
          template: {metadata: {labels: {app: b}}, spec: {containers: [{name: b}]}}
        """);

    [Fact]
    public void Quiet_when_the_selector_matches_including_expressions() => KubeCase.Assert("BK8501", KubeFixtures.Hardened + """

        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: c}
        spec:
          selector:
            matchExpressions: [{key: tier, operator: In, values: [agent, node]}]
          template: {metadata: {labels: {tier: agent}}, spec: {containers: [{name: c}]}}
        """);
}

public sealed class ServiceSelectsNoPodTests
{
    [Fact]
    public void Fires_when_no_pod_template_matches()
    {
        var findings = KubeCase.Assert("BK8502", KubeFixtures.Hardened + """

            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
            #! BK8502
              selector: {app: website}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: other-namespace, namespace: prod}
            spec:
            #! BK8502
              selector: {app: web}
            """);
        Assert.Contains("Deployment web's pods have app=web", findings[0].Message);
    }

    [Fact]
    public void Quiet_on_matching_external_name_and_service_only_sets() => KubeCase.Assert("BK8502", KubeFixtures.Hardened + """

        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {type: ExternalName, externalName: db.example.com, selector: {app: db}}
        """);
}

public sealed class ServiceTargetPortUnknownTests
{
    [Fact]
    public void Fires_on_unknown_names_and_numbers() => KubeCase.Assert("BK8503", KubeFixtures.Hardened + """

        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
        #! BK8503
            - {name: http, port: 80, targetPort: web}
        #! BK8503
            - {name: alt, port: 8080}
        """);

    [Fact]
    public void Quiet_on_declared_names_and_numbers() => KubeCase.Assert("BK8503", KubeFixtures.Hardened + """

        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http}, {name: direct, port: 8000}]
        """);
}

public sealed class EnvReferenceMissingTests
{
    [Fact]
    public void Fires_on_keys_the_object_lacks() => KubeCase.Assert("BK8504", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {LOG_LEVEL: info}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData: {password: x}
        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              env:
                - name: LEVEL
        #! BK8504
                  valueFrom: {configMapKeyRef: {name: settings, key: LOGLEVEL}}
                - name: DB_PASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: creds
        #! BK8504
                      key: db-password
        """);

    [Fact]
    public void Quiet_on_present_keys_optional_refs_and_objects_outside_the_set() => KubeCase.Assert("BK8504", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {LOG_LEVEL: info}
        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              env:
                - {name: A, valueFrom: {configMapKeyRef: {name: settings, key: LOG_LEVEL}}}
                - {name: B, valueFrom: {configMapKeyRef: {name: settings, key: OTHER, optional: true}}}
                - {name: C, valueFrom: {secretKeyRef: {name: external, key: x}}}
        """);
}

public sealed class DisruptionBudgetSelectsNothingTests
{
    [Fact]
    public void Fires_when_the_selector_matches_no_pod() => KubeCase.Assert("BK8505", KubeFixtures.Hardened + """

        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: api}
        spec:
          maxUnavailable: 1
        #! BK8505
          selector: {matchLabels: {app: api}}
        """);

    [Fact]
    public void Quiet_when_it_matches() => KubeCase.Assert("BK8505", KubeFixtures.Hardened + "\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}\n");
}

public sealed class AutoscalerTargetMissingTests
{
    [Fact]
    public void Fires_when_the_target_is_not_in_the_set() => KubeCase.Assert("BK8506", KubeFixtures.Hardened + """

        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api}
        spec:
        #! BK8506
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 4
        """);

    [Fact]
    public void Quiet_when_it_is() => KubeCase.Assert("BK8506", KubeFixtures.Hardened + "\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 4}\n");
}

public sealed class NetworkPolicySelectsNothingTests
{
    [Fact]
    public void Fires_when_the_pod_selector_matches_nothing() => KubeCase.Assert("BK8507", KubeFixtures.Hardened + """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api}
        spec:
        #! BK8507
          podSelector: {matchLabels: {app: api}}
        """);

    [Fact]
    public void Quiet_on_matching_and_empty_selectors() => KubeCase.Assert("BK8507", KubeFixtures.Hardened + "\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all}\nspec: {podSelector: {}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web}\nspec: {podSelector: {matchLabels: {app: web}}}\n");
}

public sealed class IngressBackendMissingTests
{
    [Fact]
    public void Fires_on_unknown_services_and_ports() => KubeCase.Assert("BK8508", """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{name: http, port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
        #! BK8508
                        name: website
                        port: {number: 80}
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: web
        #! BK8508
                        port: {number: 8080}
        """);

    [Fact]
    public void Quiet_on_existing_ports_and_sets_without_services() => KubeCase.Assert("BK8508", """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{name: http, port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          defaultBackend: {service: {name: web, port: {name: http}}}
          rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
        """);

    [Fact]
    public void Fires_on_a_v1_backend_with_neither_service_nor_resource_even_without_services() => KubeCase.Assert("BK8508", """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: old-fields}
        spec:
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
        #! BK8508
                      serviceName: web
                      servicePort: http
        """);

    [Fact]
    public void Quiet_on_resource_backends_and_the_old_fields_of_the_old_api() => KubeCase.Assert("BK8508", """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: bucket}
        spec:
          defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets}}
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: old}
        spec:
          backend: {serviceName: web, servicePort: 80}
          rules: [{http: {paths: [{path: /, backend: {serviceName: web, servicePort: 80}}]}}]
        """);
}

public sealed class NodePortServiceTests
{
    [Fact]
    public void Fires_on_node_port() => KubeCase.Assert("BK8509", """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
        #! BK8509
          type: NodePort
        """);

    [Fact]
    public void Quiet_on_cluster_ip_and_load_balancer() => KubeCase.Assert("BK8509", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {ports: [{port: 80}]}\n");
}

public sealed class DuplicateEnvVarTests
{
    [Fact]
    public void Fires_on_the_second_occurrence() => KubeCase.Assert("BK8510", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              env:
                - {name: LOG_LEVEL, value: info}
        #! BK8510
                - {name: LOG_LEVEL, value: debug}
        """);

    [Fact]
    public void Quiet_on_distinct_names_across_containers() => KubeCase.Assert("BK8510", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, env: [{name: X, value: '1'}]}, {name: b, env: [{name: X, value: '2'}]}]}\n");
}

public sealed class SecretInEnvValueTests
{
    [Fact]
    public void Fires_on_secret_names_secret_values_and_app_secrets_without_showing_them()
    {
        var app = LintCase.App(8000) with { Env = [new Berth.Apps.EnvVariable("SESSION_SIGNER", true, true, "app/settings.py:3", null)] };
        var findings = KubeCase.Assert("BK8511", """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: a
                  env:
                    - name: DB_PASSWORD
            #! BK8511
                      value: hunter2-do-not-print
                    - name: DATABASE
            #! BK8511
                      value: postgresql://app:s3cr3t-do-not-print@db/app
                    - name: SESSION_SIGNER
            #! BK8511
                      value: abc-do-not-print
                    - name: the_good_stuff
            #! BK8511
                      value: |
                        ---BEGIN OPENSSH PRIVATE KEY---
                        do-not-print
                        ---END OPENSSH PRIVATE KEY---
            """, app);
        Assert.All(findings, f => Assert.DoesNotContain("do-not-print", f.Message + f.Fix));
    }

    [Fact]
    public void Quiet_on_references_placeholders_and_ordinary_values() => KubeCase.Assert("BK8511", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              env:
                - {name: API_KEY, valueFrom: {secretKeyRef: {name: s, key: k}}}
                - {name: TOKEN_FILE, value: /var/run/secrets/token}
                - {name: PASSWORD, value: ""}
                - {name: DB_PASSWORD, value: $(OTHER)}
                - {name: LOG_LEVEL, value: debug}
        """);
}

public sealed class SecretInConfigMapTests
{
    [Fact]
    public void Fires_on_secret_keys_and_credential_values_naming_only_the_key()
    {
        var findings = KubeCase.Assert("BK8512", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data:
              LOG_LEVEL: info
            #! BK8512
              STRIPE_API_KEY: sk_live_do-not-print
            #! BK8512
              CACHE: redis://default:pw-do-not-print@cache:6379/0
            #! BK8512
              AZURE_BATCH_KEY: do-not-print
            #! BK8512
              OCI_CLI_KEY_CONTENT: do-not-print
            """);
        Assert.All(findings, f => Assert.DoesNotContain("do-not-print", f.Message));
    }

    [Fact]
    public void Quiet_on_ordinary_settings() => KubeCase.Assert("BK8512", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata: {LOG_LEVEL: info, CACHE: 'redis://cache:6379/0', TOKEN_TTL: '3600', PASSWORD: changeme, AZURE_KEY_VAULT_NAME: vault, KEY_ROTATION: daily, NOTE: 'BEGIN with the private key docs'}\n");
}

public sealed class SshPortTests
{
    [Fact]
    public void Fires_on_port_22() => KubeCase.Assert("BK8513", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              ports:
        #! BK8513
                - containerPort: 22
        """);

    [Fact]
    public void Quiet_on_other_ports() => KubeCase.Assert("BK8513", KubeFixtures.Hardened);
}

public sealed class InvalidPortSpecTests
{
    [Fact]
    public void Fires_on_long_upper_case_and_duplicate_names_and_out_of_range_numbers() => KubeCase.Assert("BK8514", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              ports:
        #! BK8514
                - {name: HTTP, containerPort: 8000}
        #! BK8514
                - {name: metrics-endpoint-port, containerPort: 9000}
                - {name: admin, containerPort: 9001}
            - name: b
              ports:
        #! BK8514
                - {name: admin, containerPort: 70000}
            - name: c
              ports:
        #! BK8514
                - name: smtp
                  containerPort:
                  protocol: TCP
        #! BK8514
                - {name: imap, protocol: TCP}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports:
        #! BK8514
            - {name: web, port: 80, targetPort: Web_Port}
        """);

    [Fact]
    public void Quiet_on_valid_ports() => KubeCase.Assert("BK8514", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{name: http-alt, port: 80, targetPort: http}]}\n");
}

public sealed class ServiceSelectsSeveralWorkloadsTests
{
    [Fact]
    public void Fires_on_the_selector_of_a_service_matching_two_deployments()
    {
        var findings = KubeCase.Assert("BK8515", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
            #! BK8515
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template: {metadata: {labels: {app: web, tier: api}}, spec: {containers: [{name: web}]}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: worker}
            spec:
              selector: {matchLabels: {app: web, role: worker}}
              template: {metadata: {labels: {app: web, role: worker}}, spec: {containers: [{name: worker}]}}
            """);
        Assert.Contains("matches the pods of Deployment web and Deployment worker", findings[0].Message);
    }

    [Fact]
    public void Quiet_when_each_service_selects_one_workload_or_another_namespace() => KubeCase.Assert("BK8515", """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web, tier: api}, ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web, tier: api}}, spec: {containers: [{name: web}]}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker}
        spec:
          selector: {matchLabels: {app: web, role: worker}}
          template: {metadata: {labels: {app: web, role: worker}}, spec: {containers: [{name: worker}]}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: other}
        spec:
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web, tier: api}}, spec: {containers: [{name: web}]}}
        """);
}
