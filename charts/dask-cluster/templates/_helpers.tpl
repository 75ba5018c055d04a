{{/* The cluster's name: the release's, unless fullnameOverride says otherwise (the release is the cluster). */}}
{{- define "dask-cluster.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 53 | trimSuffix "-" -}}
{{- end -}}

{{- define "dask-cluster.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "dask-cluster.labels" -}}
app.kubernetes.io/name: {{ include "dask-cluster.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/* Labels the operator copies onto the pods it creates, so that `-l app.kubernetes.io/instance=<release>` finds them. */}}
{{- define "dask-cluster.podLabels" -}}
app.kubernetes.io/name: {{ include "dask-cluster.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The address every pod of the namespace reaches the scheduler at (what the operator gives workers too). */}}
{{- define "dask-cluster.schedulerAddress" -}}
tcp://{{ include "dask-cluster.fullname" . }}-scheduler.{{ .Release.Namespace }}.svc.cluster.local:{{ .Values.scheduler.servicePort }}
{{- end -}}

{{/*
A worker pod template (spec.worker of a DaskCluster or DaskWorkerGroup) from a `worker`-shaped dict.
Arguments: (dict "root" $ "worker" $w). The container is named by the top-level worker.name: a group's `name` names the group.
*/}}
{{- define "dask-cluster.workerTemplate" -}}
{{- $w := .worker -}}
{{- if not $w.autoscaler.enabled }}
replicas: {{ $w.replicas }}
{{- end }}
metadata:
  labels:
    {{- include "dask-cluster.podLabels" .root | nindent 4 }}
  {{- with $w.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $w.image.pullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: {{ .root.Values.worker.name }}
      image: "{{ $w.image.repository }}:{{ $w.image.tag }}"
      {{- with $w.image.pullPolicy }}
      imagePullPolicy: {{ . }}
      {{- end }}
      args:
        - {{ $w.image.dask_worker }}
        - --name
        - $(DASK_WORKER_NAME)
        {{- $limits := ($w.resources).limits | default dict }}
        {{- $defaults := $w.default_resources | default dict }}
        {{- $cpu := "" }}
        {{- if $limits }}{{ $cpu = get $limits "cpu" | default (get $defaults "cpu") }}{{ end }}
        {{- with ($w.threads_per_worker | default (include "dask-cluster.threads" $cpu)) }}
        - --nthreads
        - {{ . | quote }}
        {{- end }}
        {{- with (and $limits (get $limits "memory" | default (get $defaults "memory"))) }}
        - --memory-limit
        - {{ . | quote }}
        {{- end }}
        - --no-dashboard
        {{- with $w.port }}
        - --worker-port
        - {{ . | quote }}
        {{- end }}
        {{- with $w.extraArgs }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - name: dashboard
          containerPort: {{ $w.portDashboard }}
      {{- with $w.env }}
      env:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $w.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with ($w.mounts).volumeMounts }}
      volumeMounts:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $w.livenessProbe }}
      livenessProbe:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $w.readinessProbe }}
      readinessProbe:
        {{- toYaml . | nindent 8 }}
      {{- end }}
  {{- with ($w.mounts).volumes }}
  volumes:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $w.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $w.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $w.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $w.securityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $w.serviceAccountName }}
  serviceAccountName: {{ . | quote }}
  {{- end }}
{{- end -}}

{{/*
Each additional group is merged over `worker` in its template (mergeOverwrite: the group's keys win, even false, 0
and [], which sprig's merge would let `worker` overwrite; maps merge deeply, lists are replaced).
Names must be unique and not "default", which the operator uses for the cluster's own group.
*/}}
{{- define "dask-cluster.checkGroups" -}}
{{- $seen := dict -}}
{{- range .Values.additional_worker_groups -}}
{{- if eq .name "default" -}}
{{- fail "additional_worker_groups: the name \"default\" is taken by the cluster's own worker group (configure it under `worker`)." -}}
{{- end -}}
{{- if hasKey $seen .name -}}
{{- fail (printf "additional_worker_groups: the name %q is used twice." .name) -}}
{{- end -}}
{{- $_ := set $seen .name true -}}
{{- end -}}
{{- end -}}

{{- define "dask-cluster.jupyterServiceAccount" -}}
{{- if .Values.jupyter.serviceAccountName -}}
{{- .Values.jupyter.serviceAccountName -}}
{{- else if .Values.jupyter.rbac -}}
{{- include "dask-cluster.fullname" . }}-jupyter
{{- end -}}
{{- end -}}

{{- define "dask-cluster.jupyterSelector" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: jupyter
{{- end -}}

{{/* Threads for a CPU quantity ("2", 2, 1.5, "500m"): whole cores, at least one; empty for none. */}}
{{- define "dask-cluster.threads" -}}
{{- $q := toString . -}}
{{- if $q -}}
{{- $cores := ternary (divf (trimSuffix "m" $q | float64) 1000) (float64 $q) (hasSuffix "m" $q) -}}
{{- max 1 (floor $cores | int) -}}
{{- end -}}
{{- end -}}
