{{/* Common labels of every object of the chart. */}}
{{- define "pyrofn.labels" -}}
app.kubernetes.io/part-of: pyroscope-functions
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one function: call with (dict "name" $name "root" $). */}}
{{- define "pyrofn.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Name of the Secret holding DB_PASSWORD and FUNCTIONS_TOKEN. */}}
{{- define "pyrofn.secretName" -}}
{{- if .Values.database.existingSecret -}}
{{ .Values.database.existingSecret }}
{{- else -}}
{{ .Release.Name }}-pyrofn-secrets
{{- end -}}
{{- end -}}
