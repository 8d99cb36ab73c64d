{{/*
migrating-api.name: the chart's name (part-of label).
*/}}
{{- define "migrating-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
migrating-api.chart: name-version for the helm.sh/chart label.
*/}}
{{- define "migrating-api.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
migrating-api.fullname: a service's object name. Object names are the service names so the DNS names the services call each
other by do not depend on the release name. Call with (dict "root" $ "service" $svc).
*/}}
{{- define "migrating-api.fullname" -}}
{{- .service.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
migrating-api.selectorLabels: the only labels selectors use (they never change between releases).
*/}}
{{- define "migrating-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "migrating-api.fullname" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/*
migrating-api.labels: the standard labels of every object of a service.
*/}}
{{- define "migrating-api.labels" -}}
helm.sh/chart: {{ include "migrating-api.chart" .root }}
{{ include "migrating-api.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .service.component }}
app.kubernetes.io/part-of: {{ include "migrating-api.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
migrating-api.migrationLabels: the labels of a service's migration Job and its pods: its own name and component migration, so no
selector of the service (name + instance) picks the Job's pod.
*/}}
{{- define "migrating-api.migrationLabels" -}}
helm.sh/chart: {{ include "migrating-api.chart" .root }}
app.kubernetes.io/name: {{ .service.migration.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: migration
app.kubernetes.io/part-of: {{ include "migrating-api.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
migrating-api.minReplicas: the fewest replicas a service runs (the HPA's minimum, else replicaCount).
*/}}
{{- define "migrating-api.minReplicas" -}}
{{- if .service.autoscaling.enabled }}{{ .service.autoscaling.minReplicas }}{{ else }}{{ .service.replicaCount }}{{ end }}
{{- end }}

{{/*
migrating-api.secretEnv: a service's env entries read from its existingSecret, one per secretEnv item (the Deployment and the
migration Job read the same keys).
*/}}
{{- define "migrating-api.secretEnv" -}}
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
migrating-api.writableMounts / migrating-api.writableVolumes: an emptyDir at every path the app writes, for the Deployment and the Job.
*/}}
{{- define "migrating-api.writableMounts" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
{{- end }}
{{- end }}

{{- define "migrating-api.writableVolumes" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
