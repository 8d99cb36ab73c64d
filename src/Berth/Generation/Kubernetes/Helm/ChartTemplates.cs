namespace Berth.Generation.Kubernetes.Helm;

/// <summary>
/// The chart's templates: one file per kind, each ranging over <c>.Values.services</c> so one chart deploys every service of the
/// repository. They render the objects of the Kustomize base (the same names, selectors, ports, probes and security contexts);
/// the pod's parts come from values Berth wrote from the same <see cref="Workload"/>. <c>CHART</c> is replaced by the chart's name.
/// </summary>
public static class ChartTemplates
{
    public static IReadOnlyList<(string File, string Text)> All(string chart) =>
    new (string File, string Text)[]
    {
        ("templates/_helpers.tpl", Helpers),
        ("templates/deployment.yaml", Deployment),
        ("templates/service.yaml", Service),
        ("templates/configmap.yaml", ConfigMap),
        ("templates/serviceaccount.yaml", ServiceAccount),
        ("templates/migration-job.yaml", MigrationJob),
        ("templates/hpa.yaml", Autoscaler),
        ("templates/pdb.yaml", DisruptionBudget),
        ("templates/networkpolicy.yaml", NetworkPolicy),
        ("templates/httproute.yaml", Route),
        ("templates/gateway.yaml", Gateway),
        ("templates/NOTES.txt", Notes),
    }.Select(t => (t.File, t.Text.Replace("CHART", chart, StringComparison.Ordinal))).ToList();

    private const string Helpers = """
        {{/*
        CHART.name: the chart's name (part-of label).
        */}}
        {{- define "CHART.name" -}}
        {{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{/*
        CHART.chart: name-version for the helm.sh/chart label.
        */}}
        {{- define "CHART.chart" -}}
        {{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{/*
        CHART.fullname: a service's object name. Object names are the service names so the DNS names the services call each
        other by do not depend on the release name. Call with (dict "root" $ "service" $svc).
        */}}
        {{- define "CHART.fullname" -}}
        {{- .service.name | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{/*
        CHART.selectorLabels: the only labels selectors use (they never change between releases).
        */}}
        {{- define "CHART.selectorLabels" -}}
        app.kubernetes.io/name: {{ include "CHART.fullname" . }}
        app.kubernetes.io/instance: {{ .root.Release.Name }}
        {{- end }}

        {{/*
        CHART.labels: the standard labels of every object of a service.
        */}}
        {{- define "CHART.labels" -}}
        helm.sh/chart: {{ include "CHART.chart" .root }}
        {{ include "CHART.selectorLabels" . }}
        app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
        app.kubernetes.io/component: {{ .service.component }}
        app.kubernetes.io/part-of: {{ include "CHART.name" .root }}
        app.kubernetes.io/managed-by: {{ .root.Release.Service }}
        {{- end }}

        {{/*
        CHART.migrationLabels: the labels of a service's migration Job and its pods: its own name and component migration, so no
        selector of the service (name + instance) picks the Job's pod.
        */}}
        {{- define "CHART.migrationLabels" -}}
        helm.sh/chart: {{ include "CHART.chart" .root }}
        app.kubernetes.io/name: {{ .service.migration.name }}
        app.kubernetes.io/instance: {{ .root.Release.Name }}
        app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
        app.kubernetes.io/component: migration
        app.kubernetes.io/part-of: {{ include "CHART.name" .root }}
        app.kubernetes.io/managed-by: {{ .root.Release.Service }}
        {{- end }}

        {{/*
        CHART.minReplicas: the fewest replicas a service runs (the HPA's minimum, else replicaCount).
        */}}
        {{- define "CHART.minReplicas" -}}
        {{- if .service.autoscaling.enabled }}{{ .service.autoscaling.minReplicas }}{{ else }}{{ .service.replicaCount }}{{ end }}
        {{- end }}

        {{/*
        CHART.secretEnv: a service's env entries read from its existingSecret, one per secretEnv item (the Deployment and the
        migration Job read the same keys).
        */}}
        {{- define "CHART.secretEnv" -}}
        {{- $svc := . }}
        {{- range $svc.secretEnv }}
        - name: {{ .name }}
          valueFrom:
            secretKeyRef:
              name: {{ $svc.existingSecret }}
              key: {{ .name }}
              {{- if .optional }}
              optional: true
              {{- end }}
        {{- end }}
        {{- end }}

        {{/*
        CHART.writableMounts / CHART.writableVolumes: an emptyDir at every path the app writes, for the Deployment and the Job.
        */}}
        {{- define "CHART.writableMounts" -}}
        {{- range .writablePaths }}
        - name: {{ .name }}
          mountPath: {{ .mountPath }}
        {{- end }}
        {{- end }}

        {{- define "CHART.writableVolumes" -}}
        {{- range .writablePaths }}
        - name: {{ .name }}
          emptyDir: {}
        {{- end }}
        {{- end }}

        """;

    private const string Deployment = """
        {{- range $key, $svc := .Values.services }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        spec:
          {{- if not $svc.autoscaling.enabled }}
          replicas: {{ $svc.replicaCount }}
          {{- end }}
          selector:
            matchLabels:
              {{- include "CHART.selectorLabels" $ctx | nindent 6 }}
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxUnavailable: 0
              maxSurge: 1
          template:
            metadata:
              labels:
                {{- include "CHART.labels" $ctx | nindent 8 }}
            spec:
              serviceAccountName: {{ include "CHART.fullname" $ctx }}
              automountServiceAccountToken: false
              securityContext:
                {{- toYaml $svc.podSecurityContext | nindent 8 }}
              terminationGracePeriodSeconds: {{ $svc.terminationGracePeriodSeconds }}
              {{- if $svc.topologySpread }}
              topologySpreadConstraints:
                {{- range list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
                - maxSkew: 1
                  topologyKey: {{ . }}
                  whenUnsatisfiable: ScheduleAnyway
                  labelSelector:
                    matchLabels:
                      {{- include "CHART.selectorLabels" $ctx | nindent 14 }}
                {{- end }}
              {{- end }}
              containers:
                - name: {{ include "CHART.fullname" $ctx }}
                  image: "{{ $svc.image.repository }}:{{ $svc.image.tag | default $.Chart.AppVersion }}"
                  imagePullPolicy: {{ $svc.image.pullPolicy }}
                  ports:
                    - name: http
                      containerPort: {{ $svc.service.port }}
                      protocol: TCP
                  envFrom:
                    - configMapRef:
                        name: {{ include "CHART.fullname" $ctx }}-config
                  {{- if $svc.secretEnv }}
                  env:
                    {{- include "CHART.secretEnv" $svc | trim | nindent 12 }}
                  {{- end }}
                  resources:
                    {{- toYaml $svc.resources | nindent 12 }}
                  startupProbe:
                    {{- toYaml $svc.startupProbe | nindent 12 }}
                  readinessProbe:
                    {{- toYaml $svc.readinessProbe | nindent 12 }}
                  livenessProbe:
                    {{- toYaml $svc.livenessProbe | nindent 12 }}
                  lifecycle:
                    preStop:
                      sleep:
                        seconds: {{ $svc.preStopSleepSeconds }}
                  securityContext:
                    {{- toYaml $svc.securityContext | nindent 12 }}
                  volumeMounts:
                    {{- include "CHART.writableMounts" $svc | trim | nindent 12 }}
              volumes:
                {{- include "CHART.writableVolumes" $svc | trim | nindent 8 }}
        {{- end }}

        """;

    private const string Service = """
        {{- range $key, $svc := .Values.services }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        spec:
          type: ClusterIP
          selector:
            {{- include "CHART.selectorLabels" $ctx | nindent 4 }}
          ports:
            - name: http
              port: {{ $svc.service.port }}
              targetPort: http
              protocol: TCP
        {{- end }}

        """;

    private const string ConfigMap = """
        {{- range $key, $svc := .Values.services }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "CHART.fullname" $ctx }}-config
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        {{- if $svc.env }}
        data:
          {{- toYaml $svc.env | nindent 2 }}
        {{- else }}
        data: {}
        {{- end }}
        {{- end }}

        """;

    private const string ServiceAccount = """
        {{- range $key, $svc := .Values.services }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        automountServiceAccountToken: false
        {{- end }}

        """;

    private const string MigrationJob = """
        {{- /*
        The database migration, run once per release before the service rolls out: a pre-install,pre-upgrade hook, so helm starts
        the Deployment's rollout only after the Job succeeds. A pre-install hook runs before any object of the release exists, so the
        Job reads nothing the chart creates: its non-secret settings are the same values the ConfigMap renders, inlined (making the
        ConfigMap a hook instead would take it out of the release: helm would no longer update or delete it with the release, and
        before-hook-creation would delete it under the running pods on every upgrade); it runs as the namespace's default
        ServiceAccount with no token mounted (it needs no API access; the chart's ServiceAccount does not exist yet). The Secret
        (existingSecret) is created by hand before the install, so its keys are read as the Deployment reads them.
        */}}
        {{- range $key, $svc := .Values.services }}
        {{- if hasKey $svc "migration" }}
        {{- if $svc.migration.enabled }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{ $svc.migration.name }}
          labels:
            {{- include "CHART.migrationLabels" $ctx | nindent 4 }}
          annotations:
            helm.sh/hook: pre-install,pre-upgrade
            helm.sh/hook-weight: "0"
            helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
        spec:
          backoffLimit: {{ $svc.migration.backoffLimit }}
          activeDeadlineSeconds: {{ $svc.migration.activeDeadlineSeconds }}
          ttlSecondsAfterFinished: {{ $svc.migration.ttlSecondsAfterFinished }}
          template:
            metadata:
              labels:
                {{- include "CHART.migrationLabels" $ctx | nindent 8 }}
            spec:
              restartPolicy: Never
              automountServiceAccountToken: false
              securityContext:
                {{- toYaml $svc.podSecurityContext | nindent 8 }}
              containers:
                - name: migrate
                  image: "{{ $svc.image.repository }}:{{ $svc.image.tag | default $.Chart.AppVersion }}"
                  imagePullPolicy: {{ $svc.image.pullPolicy }}
                  command:
                    {{- toYaml $svc.migration.command | nindent 12 }}
                  {{- if or $svc.env $svc.secretEnv }}
                  env:
                    {{- range $name, $value := $svc.env }}
                    - name: {{ $name }}
                      value: {{ $value | quote }}
                    {{- end }}
                    {{- include "CHART.secretEnv" $svc | trim | nindent 12 }}
                  {{- end }}
                  resources:
                    {{- toYaml $svc.resources | nindent 12 }}
                  securityContext:
                    {{- toYaml $svc.securityContext | nindent 12 }}
                  volumeMounts:
                    {{- include "CHART.writableMounts" $svc | trim | nindent 12 }}
              volumes:
                {{- include "CHART.writableVolumes" $svc | trim | nindent 8 }}
        {{- end }}
        {{- end }}
        {{- end }}

        """;

    private const string Autoscaler = """
        {{- range $key, $svc := .Values.services }}
        {{- if $svc.autoscaling.enabled }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: {{ include "CHART.fullname" $ctx }}
          minReplicas: {{ $svc.autoscaling.minReplicas }}
          maxReplicas: {{ $svc.autoscaling.maxReplicas }}
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: {{ $svc.autoscaling.targetCPUUtilizationPercentage }}
        {{- end }}
        {{- end }}

        """;

    private const string DisruptionBudget = """
        {{- range $key, $svc := .Values.services }}
        {{- $ctx := dict "root" $ "service" $svc }}
        {{- if ge (int (include "CHART.minReplicas" $ctx)) 2 }}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              {{- include "CHART.selectorLabels" $ctx | nindent 6 }}
        {{- end }}
        {{- end }}

        """;

    private const string NetworkPolicy = """
        {{- range $key, $svc := .Values.services }}
        {{- if $svc.networkPolicy.enabled }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        spec:
          podSelector:
            matchLabels:
              {{- include "CHART.selectorLabels" $ctx | nindent 6 }}
          policyTypes:
            - Ingress
          ingress:
            - from:
                {{- if $svc.networkPolicy.fromGateway }}
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: {{ $.Values.gateway.controllerNamespace }}
                {{- end }}
                {{- range $svc.networkPolicy.fromServices }}
                - podSelector:
                    matchLabels:
                      app.kubernetes.io/name: {{ . }}
                      app.kubernetes.io/instance: {{ $.Release.Name }}
                {{- end }}
              ports:
                - port: {{ $svc.service.port }}
                  protocol: TCP
        {{- end }}
        {{- end }}

        """;

    private const string Route = """
        {{- if .Values.gateway.enabled }}
        {{- range $key, $svc := .Values.services }}
        {{- if $svc.httpRoute.enabled }}
        {{- $ctx := dict "root" $ "service" $svc }}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {{ include "CHART.fullname" $ctx }}
          labels:
            {{- include "CHART.labels" $ctx | nindent 4 }}
        spec:
          parentRefs:
            - name: {{ $.Values.gateway.name }}
              {{- with $.Values.gateway.namespace }}
              namespace: {{ . }}
              {{- end }}
              sectionName: {{ $.Values.gateway.sectionName }}
          {{- with $svc.httpRoute.hostnames }}
          hostnames:
            {{- toYaml . | nindent 4 }}
          {{- end }}
          rules:
            - matches:
                - path:
                    type: PathPrefix
                    value: {{ $svc.httpRoute.pathPrefix }}
              backendRefs:
                - name: {{ include "CHART.fullname" $ctx }}
                  port: {{ $svc.service.port }}
        {{- end }}
        {{- end }}
        {{- end }}

        """;

    private const string Gateway = """
        {{- if and .Values.gateway.enabled .Values.gateway.create }}
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: {{ .Values.gateway.name }}
          labels:
            app.kubernetes.io/name: {{ .Values.gateway.name }}
            app.kubernetes.io/instance: {{ .Release.Name }}
            app.kubernetes.io/part-of: {{ include "CHART.name" . }}
            app.kubernetes.io/managed-by: {{ .Release.Service }}
        spec:
          gatewayClassName: {{ .Values.gateway.className }}
          listeners:
            - name: {{ .Values.gateway.sectionName }}
              protocol: HTTP
              port: {{ .Values.gateway.port }}
              allowedRoutes:
                namespaces:
                  from: Same
        {{- end }}

        """;

    private const string Notes = """
        {{ .Chart.Name }} {{ .Chart.AppVersion }} is installed as release {{ .Release.Name }} in namespace {{ .Release.Namespace }}.
        {{- range $key, $svc := .Values.services }}

        {{ $svc.name }} (port {{ $svc.service.port }}):
        {{- if $svc.secretEnv }}
          Its pods wait for Secret {{ $svc.existingSecret }} (keys:{{ range $svc.secretEnv }} {{ .name }}{{ end }}). Create it from a filled copy of
          {{ $svc.name }}'s secret.example.env (berth init printed where), kept out of Git:
            kubectl --namespace {{ $.Release.Namespace }} create secret generic {{ $svc.existingSecret }} --from-env-file={{ $svc.name }}.secret.env
        {{- end }}
        {{- if and (hasKey $svc "migration") (dig "migration" "enabled" false $svc) }}
          Its migration ran as Job {{ $svc.migration.name }} before the rollout (a hook, deleted once it succeeded); if it failed:
            kubectl --namespace {{ $.Release.Namespace }} logs job/{{ $svc.migration.name }}
        {{- end }}
          kubectl --namespace {{ $.Release.Namespace }} rollout status deployment/{{ $svc.name }}
          kubectl --namespace {{ $.Release.Namespace }} port-forward service/{{ $svc.name }} {{ $svc.service.port }}:{{ $svc.service.port }}
        {{- if and $.Values.gateway.enabled $svc.httpRoute.enabled }}
          Reached through Gateway {{ $.Values.gateway.name }} (listener {{ $.Values.gateway.sectionName }}): kubectl --namespace {{ $.Release.Namespace }} get httproute {{ $svc.name }}
        {{- end }}
        {{- end }}

        """;
}
