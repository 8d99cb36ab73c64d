namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class PrivilegedContainerTests
{
    [Fact]
    public void Fires_on_privileged_true() => KubeCase.Assert("BK8301", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
        #! BK8301
                privileged: true
        """);

    [Fact]
    public void Quiet_on_unset_or_false() => KubeCase.Assert("BK8301", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, securityContext: {privileged: false}}]}\n");
}

public sealed class PrivilegeEscalationAllowedTests
{
    [Fact]
    public void Fires_when_not_false() => KubeCase.Assert("BK8302", KubeFixtures.Bare("BK8302") + """

        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
        #! BK8302
                allowPrivilegeEscalation: true
        """);

    [Fact]
    public void Quiet_when_false_or_on_windows() => KubeCase.Assert("BK8302", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {os: {name: windows}, containers: [{name: a}]}\n");
}

public sealed class MayRunAsRootTests
{
    [Fact]
    public void Fires_without_run_as_non_root_or_with_uid_0() => KubeCase.Assert("BK8303", KubeFixtures.Bare("BK8303") + """

        ---
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: a
              securityContext:
        #! BK8303
                runAsUser: 0
        ---
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
        #! BK8303
            runAsNonRoot: false
          containers: [{name: b}]
        """);

    [Fact]
    public void Quiet_when_the_pod_or_container_sets_run_as_non_root_or_uses_a_user_namespace() => KubeCase.Assert("BK8303", KubeFixtures.Hardened + """

        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a, securityContext: {runAsNonRoot: true}}]
        ---
        apiVersion: v1
        kind: Pod
        spec:
          hostUsers: false
          containers: [{name: b}]
        """);
}

public sealed class WritableRootFilesystemTests
{
    [Fact]
    public void Fires_when_not_read_only() => KubeCase.Assert("BK8304", KubeFixtures.Bare("BK8304"));

    [Fact]
    public void Quiet_when_read_only() => KubeCase.Assert("BK8304", KubeFixtures.Hardened);
}

public sealed class CapabilitiesNotDroppedTests
{
    [Fact]
    public void Fires_when_all_is_not_dropped() => KubeCase.Assert("BK8305", KubeFixtures.Bare("BK8305") + """

        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
        #! BK8305
                  drop: [NET_RAW]
        """);

    [Fact]
    public void Quiet_when_all_is_dropped() => KubeCase.Assert("BK8305", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, securityContext: {capabilities: {drop: [all]}}}]}\n");
}

public sealed class CapabilityAddedTests
{
    [Fact]
    public void Fires_on_added_capabilities_but_net_bind_service()
    {
        var findings = KubeCase.Assert("BK8306", """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: a
                  securityContext:
                    capabilities:
                      add:
                        - NET_BIND_SERVICE
            #! BK8306
                        - SYS_ADMIN
            #! BK8306
                        - CAP_CHOWN
            """);
        Assert.Contains("baseline forbids", findings[0].Message);
        Assert.Contains("restricted allows only NET_BIND_SERVICE", findings[1].Message);
    }

    [Fact]
    public void Quiet_on_net_bind_service_alone() => KubeCase.Assert("BK8306", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}}]}\n");
}

public sealed class SeccompProfileUnsetTests
{
    [Fact]
    public void Fires_when_unset_or_unconfined() => KubeCase.Assert("BK8307", KubeFixtures.Bare("BK8307") + """

        ---
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              securityContext:
                seccompProfile:
        #! BK8307
                  type: Unconfined
        """);

    [Fact]
    public void Quiet_when_the_pod_or_container_sets_runtime_default() => KubeCase.Assert("BK8307", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, securityContext: {seccompProfile: {type: Localhost}}}]}\n");
}

public sealed class HostNamespaceTests
{
    [Fact]
    public void Fires_on_each_host_namespace() => KubeCase.Assert("BK8308", """
        apiVersion: v1
        kind: Pod
        spec:
        #! BK8308
          hostNetwork: true
        #! BK8308
          hostPID: true
          hostIPC: false
          containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_when_unset() => KubeCase.Assert("BK8308", KubeFixtures.Hardened);
}

public sealed class HostPortTests
{
    [Fact]
    public void Fires_on_host_ports() => KubeCase.Assert("BK8309", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              ports:
        #! BK8309
                - {containerPort: 80, hostPort: 80}
        """);

    [Fact]
    public void Quiet_without_host_ports() => KubeCase.Assert("BK8309", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, ports: [{containerPort: 80, hostPort: 0}]}]}\n");
}

public sealed class HostPathVolumeTests
{
    [Fact]
    public void Fires_on_host_path_volumes_naming_the_runtime_socket()
    {
        var findings = KubeCase.Assert("BK8310", """
            apiVersion: v1
            kind: Pod
            spec:
              containers: [{name: a}]
              volumes:
                - name: sock
            #! BK8310
                  hostPath: {path: /var/run/docker.sock}
            """);
        Assert.Contains("root on the node", findings[0].Message);
    }

    [Fact]
    public void Quiet_on_other_volumes() => KubeCase.Assert("BK8310", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a}], volumes: [{name: t, emptyDir: {}}]}\n");
}

public sealed class RestrictedVolumeTypeTests
{
    [Fact]
    public void Fires_on_nfs_and_git_repo() => KubeCase.Assert("BK8311", """
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a}]
          volumes:
            - name: share
        #! BK8311
              nfs: {server: nfs, path: /}
            - name: src
        #! BK8311
              gitRepo: {repository: x}
        """);

    [Fact]
    public void Quiet_on_allowed_types_and_host_path() => KubeCase.Assert("BK8311", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a}]\n  volumes: [{name: a, emptyDir: {}}, {name: b, configMap: {name: c}}, {name: c, persistentVolumeClaim: {claimName: d}}, {name: d, hostPath: {path: /x}}]\n");
}

public sealed class UnmaskedProcMountTests
{
    [Fact]
    public void Fires_on_unmasked() => KubeCase.Assert("BK8312", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
        #! BK8312
                procMount: Unmasked
        """);

    [Fact]
    public void Quiet_on_default() => KubeCase.Assert("BK8312", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, securityContext: {procMount: Default}}]}\n");
}

public sealed class UnsafeSysctlTests
{
    [Fact]
    public void Fires_on_sysctls_outside_the_safe_set() => KubeCase.Assert("BK8313", """
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - {name: net.ipv4.tcp_syncookies, value: "1"}
        #! BK8313
              - {name: kernel.msgmax, value: "65536"}
          containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_on_safe_sysctls() => KubeCase.Assert("BK8313", "apiVersion: v1\nkind: Pod\nspec: {securityContext: {sysctls: [{name: net.ipv4.ip_local_port_range, value: '1024 65535'}]}, containers: [{name: a}]}\n");
}

public sealed class WindowsHostProcessTests
{
    [Fact]
    public void Fires_on_host_process() => KubeCase.Assert("BK8314", """
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            windowsOptions:
        #! BK8314
              hostProcess: true
          containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_otherwise() => KubeCase.Assert("BK8314", "apiVersion: v1\nkind: Pod\nspec: {securityContext: {windowsOptions: {hostProcess: false}}, containers: [{name: a}]}\n");
}

public sealed class AppArmorUnconfinedTests
{
    [Fact]
    public void Fires_on_unconfined_fields_and_legacy_annotations() => KubeCase.Assert("BK8315", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            metadata:
              annotations:
        #! BK8315
                container.apparmor.security.beta.kubernetes.io/web: unconfined
            spec:
              containers:
                - name: web
                  securityContext:
                    appArmorProfile:
        #! BK8315
                      type: Unconfined
        """);

    [Fact]
    public void Quiet_on_runtime_default_and_localhost() => KubeCase.Assert("BK8315", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            metadata:
              annotations: {container.apparmor.security.beta.kubernetes.io/web: localhost/web}
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers: [{name: web}]
        """);
}

public sealed class SeLinuxOptionsSetTests
{
    [Fact]
    public void Fires_on_custom_types_users_and_roles() => KubeCase.Assert("BK8316", """
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
        #! BK8316
              type: spc_t
        #! BK8316
              user: system_u
          containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_on_container_types_and_levels() => KubeCase.Assert("BK8316", "apiVersion: v1\nkind: Pod\nspec: {securityContext: {seLinuxOptions: {type: container_t, level: 's0:c123,c456'}}, containers: [{name: a}]}\n");
}

public sealed class ProbeHostSetTests
{
    [Fact]
    public void Fires_on_probe_and_hook_hosts() => KubeCase.Assert("BK8317", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              readinessProbe:
                httpGet:
                  path: /
                  port: 80
        #! BK8317
                  host: 169.254.169.254
              lifecycle:
                preStop:
                  tcpSocket:
                    port: 80
        #! BK8317
                    host: db.internal
        """);

    [Fact]
    public void Quiet_without_host() => KubeCase.Assert("BK8317", KubeFixtures.Hardened);
}

public sealed class ServiceAccountTokenMountedTests
{
    [Fact]
    public void Fires_when_the_token_is_mounted() => KubeCase.Assert("BK8318", """
        apiVersion: v1
        kind: Pod
        spec:
        #! BK8318
          containers: [{name: a}]
        ---
        apiVersion: v1
        kind: Pod
        spec:
        #! BK8318
          automountServiceAccountToken: true
          containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_when_the_pod_or_its_service_account_turns_it_off() => KubeCase.Assert("BK8318", KubeFixtures.Hardened + """

        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        spec:
          serviceAccountName: web
          containers: [{name: a}]
        """);
}

public sealed class DeprecatedServiceAccountFieldTests
{
    [Fact]
    public void Fires_on_service_account() => KubeCase.Assert("BK8319", """
        apiVersion: v1
        kind: Pod
        spec:
        #! BK8319
          serviceAccount: web
          containers: [{name: a}]
        """);

    [Fact]
    public void Quiet_on_service_account_name() => KubeCase.Assert("BK8319", "apiVersion: v1\nkind: Pod\nspec: {serviceAccountName: web, containers: [{name: a}]}\n");
}

public sealed class ImageTagMutableTests
{
    [Fact]
    public void Fires_on_missing_and_latest_tags() => KubeCase.Assert("BK8401", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
        #! BK8401
              image: nginx
            - name: b
        #! BK8401
              image: registry.example.com:5000/team/app:latest
        """);

    [Fact]
    public void Quiet_on_versions_digests_and_registry_ports() => KubeCase.Assert("BK8401", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: 'nginx:1.27'}, {name: b, image: 'localhost:5000/app:2'}]}\n");
}

public sealed class ImagePullPolicyNotAlwaysTests
{
    [Fact]
    public void Fires_on_tagged_images_not_pulled_always() => KubeCase.Assert("BK8402", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
        #! BK8402
              image: nginx:1.27
            - name: b
              image: nginx:1.27
        #! BK8402
              imagePullPolicy: IfNotPresent
        """);

    [Fact]
    public void Quiet_on_digests_always_and_latest_defaults() => KubeCase.Assert("BK8402", KubeFixtures.Hardened + "\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: 'nginx:1.27', imagePullPolicy: Always}, {name: b, image: nginx}]}\n");
}
