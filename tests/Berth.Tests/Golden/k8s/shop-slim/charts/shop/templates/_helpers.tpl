{{/*
shop.name: the chart's name (part-of label).
*/}}
{{- define "shop.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
shop.chart: name-version for the helm.sh/chart label.
*/}}
{{- define "shop.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
shop.fullname: a service's object name. Object names are the service names so the DNS names the services call each
other by do not depend on the release name. Call with (dict "root" $ "service" $svc).
*/}}
{{- define "shop.fullname" -}}
{{- .service.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
shop.selectorLabels: the only labels selectors use (they never change between releases).
*/}}
{{- define "shop.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shop.fullname" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/*
shop.labels: the standard labels of every object of a service.
*/}}
{{- define "shop.labels" -}}
helm.sh/chart: {{ include "shop.chart" .root }}
{{ include "shop.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .service.component }}
app.kubernetes.io/part-of: {{ include "shop.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
shop.migrationLabels: the labels of a service's migration Job and its pods: its own name and component migration, so no
selector of the service (name + instance) picks the Job's pod.
*/}}
{{- define "shop.migrationLabels" -}}
helm.sh/chart: {{ include "shop.chart" .root }}
app.kubernetes.io/name: {{ .service.migration.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/component: migration
app.kubernetes.io/part-of: {{ include "shop.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
shop.minReplicas: the fewest replicas a service runs (the HPA's minimum, else replicaCount).
*/}}
{{- define "shop.minReplicas" -}}
{{- if .service.autoscaling.enabled }}{{ .service.autoscaling.minReplicas }}{{ else }}{{ .service.replicaCount }}{{ end }}
{{- end }}

{{/*
shop.secretEnv: a service's env entries read from its existingSecret, one per secretEnv item (the Deployment and the
migration Job read the same keys).
*/}}
{{- define "shop.secretEnv" -}}
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
shop.writableMounts / shop.writableVolumes: an emptyDir at every path the app writes, for the Deployment and the Job.
*/}}
{{- define "shop.writableMounts" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
{{- end }}
{{- end }}

{{- define "shop.writableVolumes" -}}
{{- range .writablePaths }}
- name: {{ .name }}
  emptyDir: {}
{{- end }}
{{- end }}
