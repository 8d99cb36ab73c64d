using Berth.Apps;
using Berth.Linting;

namespace Berth.Tests.Linting.Rules.Kubernetes;

public sealed class ProbePathNotServedTests
{
    private static readonly ServiceProfile App = LintCase.App(8000, "/health");

    [Fact]
    public void Fires_on_a_path_the_app_has_no_route_for()
    {
        var findings = KubeCase.Assert("BK8701", """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      readinessProbe:
                        httpGet:
            #! BK8701
                          path: /healthz
                          port: 8000
                      livenessProbe: {httpGet: {path: /health, port: 8000}}
            """, App);
        Assert.Contains("app/main.py:10", findings[0].Message);
        Assert.Equal("path: /health", findings[0].Fix);
    }

    [Fact]
    public void Quiet_on_served_paths_without_an_app_and_on_sidecars() => KubeCase.Assert("BK8701", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: app
                  ports: [{containerPort: 8000}]
                  readinessProbe: {httpGet: {path: /health/?probe=1, port: 8000}}
                - name: proxy
                  ports: [{containerPort: 15000}]
                  readinessProbe: {httpGet: {path: /ready, port: 15000}}
        """, App);
}

public sealed class ContainerPortDiffersFromAppTests
{
    [Fact]
    public void Fires_on_declared_and_probed_ports_that_are_not_the_apps() => KubeCase.Assert("BK8702", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports:
        #! BK8702
                    - containerPort: 8080
                  livenessProbe:
                    tcpSocket:
        #! BK8702
                      port: 8080
        """, LintCase.App(8000));

    [Fact]
    public void Quiet_when_ports_agree_or_no_app() => KubeCase.Assert("BK8702", KubeFixtures.Hardened, LintCase.App(8000));

    [Fact]
    public void Quiet_when_the_apps_port_is_a_default() => KubeCase.Assert("BK8702", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports:
                    - containerPort: 8080
        """, LintCase.App(3000) with { PortIsDefault = true, Evidence = [new Berth.Apps.Evidence("port 3000 (default: no listen call with a port literal)", "package.json", 0)] });
}

public sealed class RequiredEnvMissingTests
{
    private static readonly ServiceProfile App = LintCase.App(8000) with
    {
        Env = [new EnvVariable("DATABASE_URL", true, true, "app/db.py:4", null), new EnvVariable("LOG_LEVEL", false, false, "app/main.py:2", "info"), new EnvVariable("API_TOKEN", true, true, "app/auth.py:9", null)],
    };

    [Fact]
    public void Fires_naming_each_missing_variable()
    {
        var findings = KubeCase.Assert("BK8703", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {LOG_LEVEL: debug}
            ---
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
            #! BK8703
                    - name: web
                      env: [{name: API_TOKEN, valueFrom: {secretKeyRef: {name: s, key: t}}}]
                      envFrom: [{configMapRef: {name: settings}}]
            """, App);
        Assert.Contains("DATABASE_URL (required at app/db.py:4)", findings[0].Message);
        Assert.DoesNotContain("API_TOKEN", findings[0].Message);
    }

    [Fact]
    public void Quiet_when_provided_or_when_env_from_is_outside_the_set() => KubeCase.Assert("BK8703", """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData: {URL: x, API_TOKEN: y}
        ---
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  envFrom: [{secretRef: {name: creds}, prefix: DATABASE_}]
                  env: [{name: API_TOKEN, value: ""}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: other}
        spec:
          template:
            spec:
              containers:
                - name: web
                  envFrom: [{secretRef: {name: external-secrets}}]
        """, App);
}

public sealed class BuildTimeVariableAtRuntimeTests
{
    [Fact]
    public void Fires_on_bundler_variables_in_env_and_config_maps() => KubeCase.Assert("BK8704", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web}
        data:
        #! BK8704
          VITE_API_URL: https://api.example.com
        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              env:
        #! BK8704
                - name: NEXT_PUBLIC_API_URL
                  value: https://api.example.com
                - name: API_URL
                  value: https://api.example.com
        """);

    [Fact]
    public void Quiet_on_server_side_variables() => KubeCase.Assert("BK8704", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: web, env: [{name: NEXT_TELEMETRY_DISABLED, value: '1'}, {name: API_URL, value: x}]}]}\n");

    [Fact]
    public void Fires_on_the_variables_the_app_reads_at_build_time_whatever_their_name()
    {
        var app = LintCase.App() with
        {
            Env = [new EnvVariable("API_BASE", false, false, "src/config.ts:3", null, BuildTime: true), new EnvVariable("VITE_FLAGS_URL", false, false, "server.js:9", null)],
        };
        var findings = KubeCase.Assert("BK8704", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web}
            data:
            #! BK8704
              API_BASE: https://api.example.com
              VITE_FLAGS_URL: https://flags.example.com
            ---
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  env:
            #! BK8704
                    - name: API_BASE
                      value: https://api.example.com
                    - name: VITE_FLAGS_URL
                      value: https://flags.example.com
                    - name: NEXT_PUBLIC_UNUSED
                      value: x
            """, app);
        Assert.Contains("the app reads it at build time (src/config.ts:3)", findings[0].Message);
    }

    [Fact]
    public void Quiet_on_prefixed_names_the_app_reads_at_run_time() => KubeCase.Assert("BK8704", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              env: [{name: VITE_FLAGS_URL, value: x}]
        """, LintCase.App() with { Env = [new EnvVariable("VITE_FLAGS_URL", false, false, "server.js:9", null)] });
}

public sealed class RunAsNonRootWithNamedUserTests
{
    [Fact]
    public void Fires_when_the_dockerfile_user_is_a_name_or_root()
    {
        const string Manifest = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  securityContext:
            #! BK8705
                    runAsNonRoot: true
                  containers: [{name: web}]
            """;
        var findings = KubeCase.Assert("BK8705", Manifest, LintCase.App(), new ImageUser("appuser", "Dockerfile", 12));
        Assert.Contains("'appuser' (Dockerfile:12)", findings[0].Message);
        KubeCase.Assert("BK8705", Manifest, LintCase.App(), new ImageUser("root", "Dockerfile", 1));
    }

    [Fact]
    public void Quiet_with_a_numeric_user_or_an_explicit_run_as_user() => KubeCase.Assert("BK8705", KubeFixtures.Hardened, LintCase.App(), new ImageUser("appuser", "Dockerfile", 12));

    [Fact]
    public void Quiet_with_a_numeric_dockerfile_user() => KubeCase.Assert("BK8705", "apiVersion: v1\nkind: Pod\nspec: {securityContext: {runAsNonRoot: true}, containers: [{name: web}]}\n", LintCase.App(), new ImageUser("10001", "Dockerfile", 12));
}

public sealed class ImagePullPolicyNeverTests
{
    [Fact]
    public void Fires_outside_development_overlays() => KubeCase.Assert("BK8706", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              image: web:dev
        #! BK8706
              imagePullPolicy: Never
        """, origin: "k8s/overlays/prod");

    [Fact]
    public void Quiet_in_a_dev_overlay_or_with_other_policies()
    {
        KubeCase.Assert("BK8706", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: web, image: web, imagePullPolicy: Never}]}\n", origin: "k8s/overlays/dev");
        KubeCase.Assert("BK8706", KubeFixtures.Hardened);
    }
}

public sealed class GracefulTimeoutExceedsGracePeriodTests
{
    [Fact]
    public void Fires_when_the_grace_period_is_not_above_the_servers_timeout() => KubeCase.Assert("BK8707", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
        #! BK8707
              terminationGracePeriodSeconds: 30
              containers:
                - name: web
                  args: ["gunicorn", "--graceful-timeout", "30", "app:app"]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: uv}
        spec:
          template:
            spec:
              containers:
        #! BK8707
                - name: web
                  command: [uvicorn, app:app, "--timeout-graceful-shutdown=45"]
        """, LintCase.App());

    [Fact]
    public void Quiet_with_a_longer_grace_period_or_no_known_timeout() => KubeCase.Assert("BK8707", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              terminationGracePeriodSeconds: 40
              containers:
                - name: web
                  args: ["gunicorn --graceful-timeout 30 app:app"]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: uv}
        spec:
          template:
            spec:
              containers: [{name: web, command: [uvicorn, app:app]}]
        """, LintCase.App());
}

public sealed class WorkersAboveCpuLimitTests
{
    [Fact]
    public void Fires_on_more_workers_than_the_limit_runs() => KubeCase.Assert("BK8708", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
        #! BK8708
              args: [gunicorn, -w, "8", app:app]
              resources: {limits: {cpu: 500m}}
        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              env:
                - name: WEB_CONCURRENCY
        #! BK8708
                  value: "6"
              resources: {limits: {cpu: "1"}}
        """, LintCase.App());

    [Fact]
    public void Quiet_within_two_per_core_plus_one_or_without_a_limit() => KubeCase.Assert("BK8708", "apiVersion: v1\nkind: Pod\nspec: {containers: [{name: web, args: [gunicorn, '--workers=3', app], resources: {limits: {cpu: 1}}}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: web, args: [gunicorn, -w, '9', app]}]}\n", LintCase.App());
}

public sealed class ReadOnlyRootWithoutTmpTests
{
    [Fact]
    public void Fires_without_a_writable_tmp() => KubeCase.Assert("BK8709", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext:
        #! BK8709
                readOnlyRootFilesystem: true
              volumeMounts: [{name: cfg, mountPath: /etc/app, readOnly: true}]
        """, LintCase.App() with { Python = LintCase.App().Python! with { Server = "gunicorn" } });

    [Fact]
    public void Quiet_with_an_empty_dir_at_tmp_or_without_an_app() => KubeCase.Assert("BK8709", """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext: {readOnlyRootFilesystem: true}
              volumeMounts: [{name: tmp, mountPath: /tmp/}]
          volumes: [{name: tmp, emptyDir: {}}]
        """, LintCase.App());
}

public sealed class ReadOnlyRootWithoutWritablePathTests
{
    private static ServiceProfile Writer(params WritablePath[] paths) => LintCase.App() with { WritablePaths = paths };

    [Fact]
    public void Fires_on_each_path_the_app_writes_outside_a_writable_volume()
    {
        var findings = KubeCase.Assert("BK8710", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      securityContext:
            #! BK8710
                        readOnlyRootFilesystem: true
                      volumeMounts:
                        - {name: tmp, mountPath: /tmp}
                        - {name: cfg, mountPath: /app/data}
                        - {name: logs, mountPath: /var/log/app, readOnly: true}
                  volumes:
                    - {name: tmp, emptyDir: {}}
                    - {name: cfg, configMap: {name: cfg}}
                    - {name: logs, emptyDir: {}}
            """, Writer(new WritablePath("data/app.db", "SQLite database", "app/db.py:7"), new WritablePath("/var/log/app/app.log", "log file", "app/logging.py:3"),
                new WritablePath("/tmp/x", "temp", "app/main.py:1")));
        Assert.Equal(2, findings.Count);
        Assert.Equal("container 'app' has a read-only root filesystem, but the app writes /app/data/app.db ('data/app.db' under /app, the folder Berth's images run the app from (no Dockerfile found beside the app)) at app/db.py:7: SQLite database; no writable volume is mounted there, so the write fails. Mount an emptyDir (or a PersistentVolumeClaim for data to keep) at /app/data", findings[0].Message);
        Assert.Contains("/var/log/app/app.log", findings[1].Message);
        Assert.Contains("app/logging.py:3", findings[1].Message);
    }

    [Fact]
    public void Fires_on_a_relative_path_under_the_images_workdir_or_the_containers() => KubeCase.Assert("BK8710", """
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers:
            - name: app
              securityContext:
        #! BK8710
                readOnlyRootFilesystem: true
              volumeMounts: [{name: uploads, mountPath: /app/uploads}]
          volumes: [{name: uploads, emptyDir: {}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: app2}
        spec:
          containers:
            - name: app
              workingDir: /app
              securityContext: {readOnlyRootFilesystem: true}
              volumeMounts: [{name: uploads, mountPath: /app/uploads}]
          volumes: [{name: uploads, emptyDir: {}}]
        """, Writer(new WritablePath("uploads/", "upload folder", "app/views.py:12")), imageWorkdir: new ImageWorkdir("/srv", "Dockerfile", 4));

    [Fact]
    public void Quiet_when_every_path_is_on_an_empty_dir_or_claim_or_the_root_is_writable() => KubeCase.Assert("BK8710", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: app}
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext: {readOnlyRootFilesystem: true}
                  volumeMounts: [{name: data, mountPath: /srv/data}, {name: cache, mountPath: /srv/.next/cache/}]
              volumes: [{name: cache, emptyDir: {}}]
          volumeClaimTemplates:
            - metadata: {name: data}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: writable}
        spec:
          containers:
            - name: app
              securityContext: {readOnlyRootFilesystem: false}
        """, Writer(new WritablePath("data/app.db", "SQLite database", "app/db.py:7"), new WritablePath(".next/cache", "Next.js cache", "next.config.js:1")),
        imageWorkdir: new ImageWorkdir("/srv", "Dockerfile", 4));
}
