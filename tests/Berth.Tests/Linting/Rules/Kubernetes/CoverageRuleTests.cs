namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class PodWithoutNetworkPolicyTests
{
    [Fact]
    public void Fires_on_a_workload_no_policy_selects() => KubeCase.Assert("BK8516", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
        #! BK8516
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: api:1}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: other}
        spec: {podSelector: {matchLabels: {app: other}}}
        """);

    [Fact]
    public void Quiet_when_a_policy_selects_the_pods_and_for_jobs() => KubeCase.Assert("BK8516", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api, tier: web}}
            spec: {containers: [{name: api, image: api:1}]}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: api-migrate}
        spec:
          template:
            metadata: {labels: {app: api-migrate}}
            spec: {restartPolicy: Never, containers: [{name: m, image: api:1}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api}
        spec: {podSelector: {matchLabels: {app: api}}}
        """);
}

public sealed class StatefulSetWithoutHeadlessServiceTests
{
    [Fact]
    public void Fires_without_service_name_and_on_a_service_that_is_not_headless() => KubeCase.Assert("BK8517", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: cache}
        spec:
        #! BK8517
          replicas: 2
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
        #! BK8517
          serviceName: db
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {selector: {app: db}, ports: [{port: 5432}]}
        """);

    [Fact]
    public void Quiet_with_a_headless_service_or_one_outside_the_set() => KubeCase.Assert("BK8517", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec: {serviceName: db}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {clusterIP: None, selector: {app: db}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: queue}
        spec: {serviceName: queue-headless}
        """);
}

public sealed class IngressWithoutTlsTests
{
    [Fact]
    public void Fires_without_tls() => KubeCase.Assert("BK8518", """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
        #! BK8518
          rules: [{host: shop.example.com}]
        """);

    [Fact]
    public void Quiet_with_tls() => KubeCase.Assert("BK8518", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  tls: [{hosts: [shop.example.com], secretName: shop-tls}]\n");
}

public sealed class ClusterAdminBindingTests
{
    [Fact]
    public void Fires_on_bindings_to_the_cluster_admin_cluster_role() => KubeCase.Assert("BK8320", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ci}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
        #! BK8320
          name: cluster-admin
        subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: ops, namespace: shop}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
        #! BK8320
          name: cluster-admin
        subjects: [{kind: Group, name: ops}]
        """);

    [Fact]
    public void Quiet_on_other_roles_and_a_namespaced_role_called_cluster_admin() => KubeCase.Assert("BK8320", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: a, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: b, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}
        """);
}

public sealed class RbacPodExecAttachTests
{
    [Fact]
    public void Fires_on_exec_attach_and_wildcard_resources() => KubeCase.Assert("BK8321", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: debug}
        rules:
          - apiGroups: [""]
        #! BK8321
            resources: [pods, pods/exec]
            verbs: [get, create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: all}
        rules:
          - apiGroups: ["*"]
        #! BK8321
            resources: ["*"]
            verbs: ["*"]
        """);

    [Fact]
    public void Quiet_on_read_only_pod_access_and_other_groups() => KubeCase.Assert("BK8321", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: viewer}
        rules:
          - apiGroups: [""]
            resources: [pods, pods/log]
            verbs: [get, list]
          - apiGroups: [""]
            resources: [pods/exec]
            verbs: [list]
          - apiGroups: [apps]
            resources: ["*"]
            verbs: ["*"]
        """);
}
