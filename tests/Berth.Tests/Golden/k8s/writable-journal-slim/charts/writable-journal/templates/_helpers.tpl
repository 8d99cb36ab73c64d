{{/*
writable-journal.name: the chart's name (part-of label).
*/}}
{{- define "writable-journal.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
writable-journal.chart: name-version for the helm.sh/chart label.
*/}}
{{- define "writable-journal.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
writable-journal.fullname: a service's object name. Object names are the service names so the DNS names the services call each
other by do not depend on the release name. Call with (dict "root" $ "service" $svc).
*/}}
{{- define "writable-journal.fullname" -}}
{{- .service.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
writable-journal.selectorLabels: the only labels selectors use (they never change between releases).
*/}}
{{- define "writable-journal.selectorLabels" -}}
app.kubernetes.io/name: {{ include "writable-journal.fullname" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/*
writable-journal.labels: the standard labels of every object of a service.
*/}}
{{- define "writable-journal.labels" -}}
helm.sh/chart: {{ include "writable-journal.chart" .root }}
{{ include "writable-journal.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .service.component }}
app.kubernetes.io/part-of: {{ include "writable-journal.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
writable-journal.migrationLabels: the labels of a service's migration Job and its pods: its own name and component migration, so no
selector of the service (name + instance) picks the Job's pod.
*/}}
{{- define "writable-journal.migrationLabels" -}}
helm.sh/chart: {{ include "writable-journal.chart" .root }}
app.kubernetes.io/name: {{ .service.migration.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: migration
app.kubernetes.io/part-of: {{ include "writable-journal.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
writable-journal.minReplicas: the fewest replicas a service runs (the HPA's minimum, else replicaCount).
*/}}
{{- define "writable-journal.minReplicas" -}}
{{- if .service.autoscaling.enabled }}{{ .service.autoscaling.minReplicas }}{{ else }}{{ .service.replicaCount }}{{ end }}
{{- end }}

{{/*
writable-journal.secretEnv: a service's env entries read from its existingSecret, one per secretEnv item (the Deployment and the
migration Job read the same keys).
*/}}
{{- define "writable-journal.secretEnv" -}}
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
writable-journal.writableMounts / writable-journal.writableVolumes: an emptyDir at every path the app writes, for the Deployment and the Job.
*/}}
{{- define "writable-journal.writableMounts" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
{{- end }}
{{- end }}

{{- define "writable-journal.writableVolumes" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
