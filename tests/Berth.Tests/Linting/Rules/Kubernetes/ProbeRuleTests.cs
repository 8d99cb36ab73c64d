namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class ReadinessProbeMissingTests
{
    [Fact]
    public void Fires_on_a_long_running_container_without_one() => KubeCase.Assert("BK8101", KubeFixtures.Bare("BK8101"));

    [Fact]
    public void Quiet_on_probed_containers_jobs_and_init_containers() => KubeCase.Assert("BK8101", KubeFixtures.Hardened + """

        ---
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: app:1}]
        """);

    [Fact]
    public void Quiet_when_suppressed_by_berth_or_peer_annotations() => KubeCase.Assert("BK8101", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: a
          annotations: {berth.io/ignore: "BK8101,BK8102"}
        spec: {template: {spec: {containers: [{name: a, image: a:1}]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: b
          annotations: {ignore-check.kube-linter.io/no-readiness-probe: "probed by the mesh"}
        spec: {template: {spec: {containers: [{name: b, image: b:1}]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: c
          annotations: {kube-score/ignore: "pod-probes,container-resources"}
        spec: {template: {spec: {containers: [{name: c, image: c:1}]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
          annotations: {polaris.fairwinds.com/readinessProbeMissing-exempt: "true"}
        spec: {template: {spec: {containers: [{name: d, image: d:1}]}}}
        """);
}

public sealed class LivenessProbeMissingTests
{
    [Fact]
    public void Fires_on_a_long_running_container_without_one() => KubeCase.Assert("BK8102", KubeFixtures.Bare("BK8102"));

    [Fact]
    public void Quiet_on_probed_containers() => KubeCase.Assert("BK8102", KubeFixtures.Hardened);
}

public sealed class IdenticalProbesTests
{
    [Fact]
    public void Fires_when_liveness_repeats_readiness() => KubeCase.Assert("BK8103", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  readinessProbe: {httpGet: {path: /health, port: 8000}}
        #! BK8103
                  livenessProbe: {httpGet: {path: /health, port: 8000}}
        """);

    [Fact]
    public void Quiet_when_path_or_timing_differ() => KubeCase.Assert("BK8103", KubeFixtures.Hardened + """

        ---
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  readinessProbe: {httpGet: {path: /health, port: 8000}}
                  livenessProbe: {httpGet: {path: /health, port: 8000}, failureThreshold: 6}
        """);
}

public sealed class ProbePortNotDeclaredTests
{
    [Fact]
    public void Fires_on_a_named_port_the_container_lacks() => KubeCase.Assert("BK8104", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              ports: [{name: web, containerPort: 8000}]
              readinessProbe:
        #! BK8104
                httpGet: {path: /, port: http}
              startupProbe:
        #! BK8104
                tcpSocket: {port: admin}
        """);

    [Fact]
    public void Quiet_on_declared_names_and_numbers() => KubeCase.Assert("BK8104", KubeFixtures.Hardened + """

        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              readinessProbe: {tcpSocket: {port: 8000}}
        """);
}
