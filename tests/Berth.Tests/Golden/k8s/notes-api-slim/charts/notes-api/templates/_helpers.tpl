{{/*
notes-api.name: the chart's name (part-of label).
*/}}
{{- define "notes-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
notes-api.chart: name-version for the helm.sh/chart label.
*/}}
{{- define "notes-api.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
notes-api.fullname: a service's object name. Object names are the service names so the DNS names the services call each
other by do not depend on the release name. Call with (dict "root" $ "service" $svc).
*/}}
{{- define "notes-api.fullname" -}}
{{- .service.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
notes-api.selectorLabels: the only labels selectors use (they never change between releases).
*/}}
{{- define "notes-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "notes-api.fullname" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/*
notes-api.labels: the standard labels of every object of a service.
*/}}
{{- define "notes-api.labels" -}}
helm.sh/chart: {{ include "notes-api.chart" .root }}
{{ include "notes-api.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .service.component }}
app.kubernetes.io/part-of: {{ include "notes-api.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
notes-api.migrationLabels: the labels of a service's migration Job and its pods: its own name and component migration, so no
selector of the service (name + instance) picks the Job's pod.
*/}}
{{- define "notes-api.migrationLabels" -}}
helm.sh/chart: {{ include "notes-api.chart" .root }}
app.kubernetes.io/name: {{ .service.migration.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: migration
app.kubernetes.io/part-of: {{ include "notes-api.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
notes-api.minReplicas: the fewest replicas a service runs (the HPA's minimum, else replicaCount).
*/}}
{{- define "notes-api.minReplicas" -}}
{{- if .service.autoscaling.enabled }}{{ .service.autoscaling.minReplicas }}{{ else }}{{ .service.replicaCount }}{{ end }}
{{- end }}

{{/*
notes-api.secretEnv: a service's env entries read from its existingSecret, one per secretEnv item (the Deployment and the
migration Job read the same keys).
*/}}
{{- define "notes-api.secretEnv" -}}
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
notes-api.writableMounts / notes-api.writableVolumes: an emptyDir at every path the app writes, for the Deployment and the Job.
*/}}
{{- define "notes-api.writableMounts" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
{{- end }}
{{- end }}

{{- define "notes-api.writableVolumes" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
