{{/*
inventory-service.name: the chart's name (part-of label).
*/}}
{{- define "inventory-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
inventory-service.chart: name-version for the helm.sh/chart label.
*/}}
{{- define "inventory-service.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
inventory-service.fullname: a service's object name. Object names are the service names so the DNS names the services call each
other by do not depend on the release name. Call with (dict "root" $ "service" $svc).
*/}}
{{- define "inventory-service.fullname" -}}
{{- .service.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
inventory-service.selectorLabels: the only labels selectors use (they never change between releases).
*/}}
{{- define "inventory-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "inventory-service.fullname" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/*
inventory-service.labels: the standard labels of every object of a service.
*/}}
{{- define "inventory-service.labels" -}}
helm.sh/chart: {{ include "inventory-service.chart" .root }}
{{ include "inventory-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .service.component }}
app.kubernetes.io/part-of: {{ include "inventory-service.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
inventory-service.migrationLabels: the labels of a service's migration Job and its pods: its own name and component migration, so no
selector of the service (name + instance) picks the Job's pod.
*/}}
{{- define "inventory-service.migrationLabels" -}}
helm.sh/chart: {{ include "inventory-service.chart" .root }}
app.kubernetes.io/name: {{ .service.migration.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: migration
app.kubernetes.io/part-of: {{ include "inventory-service.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
inventory-service.minReplicas: the fewest replicas a service runs (the HPA's minimum, else replicaCount).
*/}}
{{- define "inventory-service.minReplicas" -}}
{{- if .service.autoscaling.enabled }}{{ .service.autoscaling.minReplicas }}{{ else }}{{ .service.replicaCount }}{{ end }}
{{- end }}

{{/*
inventory-service.secretEnv: a service's env entries read from its existingSecret, one per secretEnv item (the Deployment and the
migration Job read the same keys).
*/}}
{{- define "inventory-service.secretEnv" -}}
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
inventory-service.writableMounts / inventory-service.writableVolumes: an emptyDir at every path the app writes, for the Deployment and the Job.
*/}}
{{- define "inventory-service.writableMounts" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
{{- end }}
{{- end }}

{{- define "inventory-service.writableVolumes" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
