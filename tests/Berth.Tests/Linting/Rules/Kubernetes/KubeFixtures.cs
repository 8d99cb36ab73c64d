namespace Berth.Tests.Linting.Rules.Kubernetes;

/// <summary>Shared manifests: a Deployment that every pod, container and image rule passes.</summary>
public static class KubeFixtures
{
    public const string Hardened = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              automountServiceAccountToken: false
              securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
              containers:
                - name: web
                  image: registry.example.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                  ports: [{name: http, containerPort: 8000}]
                  readinessProbe: {httpGet: {path: /ready, port: http}}
                  livenessProbe: {httpGet: {path: /health, port: http}, periodSeconds: 20}
                  resources:
                    requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 64Mi}
                    limits: {cpu: "1", memory: 256Mi, ephemeral-storage: 256Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
        """;

    /// <summary>A Deployment whose one container sets nothing, with <c>#! ID</c> before the container's name line.</summary>
    public static string Bare(string id) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                #! {{id}}
                - name: web
                  image: nginx:1.27
        """;
}
