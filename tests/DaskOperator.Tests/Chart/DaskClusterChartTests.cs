using DaskOperator.Tests.Support;
using static DaskOperator.Tests.Chart.RenderedChart;

namespace DaskOperator.Tests.Chart;

/// <summary>charts/dask-cluster, judged by the real helm: lint, what it renders, and the values it refuses.</summary>
public class DaskClusterChartTests
{
    private static readonly string TwoGroups = Repository.Path("samples", "dask-cluster", "gpu-and-high-mem.yaml");

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_pass_helm_lint_strict_with_the_defaults_and_with_the_two_group_values_file(bool twoGroups)
    {
        Skip.If(Helm is null, HelmMissing);

        // When the real helm lints the chart strictly, with the defaults or with the dask/helm-chart-style values file
        var (code, output) = await LintAsync("dask-cluster", twoGroups ? ["-f", TwoGroups] : []);

        // Then it passes
        Assert.True(code == 0, output);
    }

    [SkippableFact]
    public async Task Given_the_defaults_When_rendered_Then_one_DaskCluster_has_the_scheduler_its_service_and_three_workers()
    {
        Skip.If(Helm is null, HelmMissing);

        // Given the defaults, When helm renders the release "demo" in namespace "ns"
        var chart = await TemplateAsync("dask-cluster", "demo", "--namespace", "ns");

        // Then the release is exactly one DaskCluster named after it
        Assert.True(chart.ExitCode == 0, chart.Output);
        Assert.Equal(["DaskCluster"], chart.Objects.Select(o => (string)o["kind"]!));
        var cluster = chart.Find("DaskCluster", "demo");
        Assert.Equal("kubernetes.dask.org/v1", (string?)cluster["apiVersion"]);

        // And the scheduler listens on the ports dask-kubernetes names, which its service exposes
        var scheduler = cluster["spec"]!["scheduler"]!["spec"]!["containers"]![0]!.AsObject();
        Assert.Equal(["dask-scheduler", "--port", "8786", "--dashboard-address", ":8787"], Args(scheduler));
        var ports = cluster["spec"]!["scheduler"]!["service"]!["ports"]!.AsArray();
        Assert.Equal(["tcp-comm:8786->tcp-comm", "http-dashboard:80->http-dashboard"],
            ports.Select(p => $"{p!["name"]}:{p["port"]}->{p["targetPort"]}"));
        Assert.Equal("ClusterIP", (string?)cluster["spec"]!["scheduler"]!["service"]!["type"]);

        // And three workers take their name from the operator and find the scheduler through its DASK_SCHEDULER_ADDRESS
        Assert.Equal(3L, (long)cluster["spec"]!["worker"]!["replicas"]!);
        Assert.Equal(["dask-worker", "--name", "$(DASK_WORKER_NAME)", "--no-dashboard"], Args(WorkerContainer(cluster)));
    }

    [SkippableFact]
    public async Task Given_a_values_file_with_a_high_mem_and_a_gpu_group_When_rendered_Then_each_group_is_a_DaskWorkerGroup_merged_over_worker()
    {
        Skip.If(Helm is null, HelmMissing);

        // Given samples/dask-cluster/gpu-and-high-mem.yaml, When helm renders it
        var chart = await TemplateAsync("dask-cluster", "analytics", "-f", TwoGroups);
        Assert.True(chart.ExitCode == 0, chart.Output);

        // Then the default group keeps worker's settings: two workers, one thread, 2G
        var cluster = chart.Find("DaskCluster", "analytics");
        Assert.Equal(2L, (long)cluster["spec"]!["worker"]!["replicas"]!);
        Assert.Equal(["dask-worker", "--name", "$(DASK_WORKER_NAME)", "--nthreads", "1", "--memory-limit", "2G", "--no-dashboard"],
            Args(WorkerContainer(cluster)));

        // And the high-mem group advertises MEMORY and gets its own memory limit, with worker's cpu and env merged in
        var highMem = chart.Find("DaskWorkerGroup", "analytics-high-mem");
        Assert.Equal("analytics", (string?)highMem["spec"]!["cluster"]);
        var highMemWorker = WorkerContainer(highMem);
        Assert.Equal(["dask-worker", "--name", "$(DASK_WORKER_NAME)", "--nthreads", "1", "--memory-limit", "8G", "--no-dashboard", "--resources", "MEMORY=8e9"],
            Args(highMemWorker));
        Assert.Equal("8G", (string?)highMemWorker["resources"]!["requests"]!["memory"]);
        Assert.Equal("TEAM", (string?)highMemWorker["env"]![0]!["name"]);

        // And the gpu group asks Kubernetes for a GPU and tells Dask it has one, tolerating the GPU nodes' taint
        var gpu = chart.Find("DaskWorkerGroup", "analytics-gpu");
        var gpuWorker = WorkerContainer(gpu);
        Assert.Equal(1L, (long)gpuWorker["resources"]!["limits"]!["nvidia.com/gpu"]!);
        Assert.Equal("2G", (string?)gpuWorker["resources"]!["limits"]!["memory"]);
        Assert.Equal(["--resources", "GPU=1"], Args(gpuWorker)[^2..]);
        Assert.Equal("nvidia.com/gpu", (string?)gpu["spec"]!["worker"]!["spec"]!["tolerations"]![0]!["key"]);
        Assert.Equal(1L, (long)gpu["spec"]!["worker"]!["replicas"]!);

        // And nothing else is rendered
        Assert.Equal(3, chart.Objects.Count);
    }

    [SkippableFact]
    public async Task Given_jupyter_and_autoscalers_When_rendered_Then_jupyter_knows_the_scheduler_and_each_autoscaled_group_has_a_DaskAutoscaler()
    {
        Skip.If(Helm is null, HelmMissing);

        // Given Jupyter on a NodePort, a scheduler on port 8800, and autoscaling for every group but high-mem, which opts out
        var chart = await TemplateAsync("dask-cluster", "lab", "--namespace", "science", "-f", TwoGroups,
            "--set", "jupyter.enabled=true", "--set", "jupyter.serviceType=NodePort", "--set", "scheduler.servicePort=8800",
            "--set", "worker.autoscaler.enabled=true", "--set", "worker.autoscaler.maximum=4",
            "--set", "additional_worker_groups[0].autoscaler.enabled=false");
        Assert.True(chart.ExitCode == 0, chart.Output);

        // Then the Jupyter Deployment gets the scheduler's in-cluster address and a service account allowed to scale the cluster
        var jupyter = chart.Find("Deployment", "lab-jupyter");
        var container = jupyter["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("DASK_SCHEDULER_ADDRESS", (string?)container["env"]![0]!["name"]);
        Assert.Equal("tcp://lab-scheduler.science.svc.cluster.local:8800", (string?)container["env"]![0]!["value"]);
        Assert.Equal("lab-jupyter", (string?)jupyter["spec"]!["template"]!["spec"]!["serviceAccountName"]);
        Assert.Equal("NodePort", (string?)chart.Find("Service", "lab-jupyter")["spec"]!["type"]);
        Assert.Contains("daskworkergroups/scale", chart.Find("Role", "lab-jupyter").ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("hashed_password", chart.Find("ConfigMap", "lab-jupyter-config").ToJsonString(), StringComparison.Ordinal);

        // And the default group's autoscaler is named like the cluster; the gpu group's names its group; high-mem's false wins
        var scaler = chart.Find("DaskAutoscaler", "lab");
        Assert.Equal("lab", (string?)scaler["spec"]!["cluster"]);
        Assert.Equal(4L, (long)scaler["spec"]!["maximum"]!);
        Assert.Null(scaler["spec"]!["workerGroup"]);
        Assert.Equal("lab-gpu", (string?)chart.Find("DaskAutoscaler", "lab-gpu")["spec"]!["workerGroup"]);
        Assert.Equal(2, chart.OfKind("DaskAutoscaler").Count());

        // And replicas of autoscaled groups are left to their autoscaler, so an upgrade does not fight it
        Assert.Null(chart.Find("DaskCluster", "lab")["spec"]!["worker"]!["replicas"]);
        Assert.Null(chart.Find("DaskWorkerGroup", "lab-gpu")["spec"]!["worker"]!["replicas"]);
        Assert.Equal(1L, (long)chart.Find("DaskWorkerGroup", "lab-high-mem")["spec"]!["worker"]!["replicas"]!);
    }

    [SkippableFact]
    public async Task Given_dask_helm_charts_own_default_values_When_rendered_Then_they_carry_over()
    {
        Skip.If(Helm is null, HelmMissing);

        // Given a values file with every key dask/helm-chart's values.yaml sets, at its defaults (features this chart lacks switched off)
        var values = Path.Combine(Path.GetTempPath(), $"upstream-values-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(values, UpstreamDefaults);
        try
        {
            // When helm renders it
            var chart = await TemplateAsync("dask-cluster", "carry", "-f", values);

            // Then it is accepted and the upstream-only keys take effect: default_resources fills --nthreads, the worker port is passed
            Assert.True(chart.ExitCode == 0, chart.Output);
            var args = Args(WorkerContainer(chart.Find("DaskCluster", "carry")));
            Assert.Equal(["--nthreads", "1", "--memory-limit", "3G"], args[3..7]);
            Assert.Equal(["--worker-port", "9000"], args[^2..]);
            Assert.NotNull(chart.Find("Deployment", "carry-jupyter"));
        }
        finally
        {
            File.Delete(values);
        }
    }

    [SkippableTheory]
    [InlineData("worker.replica=3", "at '/worker': additional properties 'replica' not allowed")]
    [InlineData("worker.replicas=three", "at '/worker/replicas': got string, want integer")]
    [InlineData("scheduler.serviceType=Ingress", "at '/scheduler/serviceType': value must be one of")]
    [InlineData("additional_worker_groups[0].replicas=1", "missing property 'name'")]
    [InlineData("additional_worker_groups[0].name=GPU", "at '/additional_worker_groups/0/name'")]
    [InlineData("webUI.ingress.enabled=true", "at '/webUI/ingress/enabled': value must be false")]
    [InlineData("worker.custom_scheduler_url=tcp://elsewhere:8786", "at '/worker/custom_scheduler_url': got string, want null")]
    public async Task Given_bad_values_When_rendered_Then_helm_refuses_them_with_its_schema_message(string setting, string message)
    {
        Skip.If(Helm is null, HelmMissing);

        // Given a misspelt key, a wrong type, a value out of range or an upstream feature this chart cannot provide
        // When helm renders the chart with it
        var chart = await TemplateAsync("dask-cluster", "bad", "--set", setting);

        // Then helm fails with its own schema message naming the key
        Assert.NotEqual(0, chart.ExitCode);
        Assert.Contains("values don't meet the specifications of the schema", chart.Output, StringComparison.Ordinal);
        Assert.Contains(message, chart.Output, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("additional_worker_groups[0].name=default", "the name \"default\" is taken by the cluster's own worker group")]
    [InlineData("additional_worker_groups[1].name=gpu", "the name \"gpu\" is used twice")]
    public async Task Given_clashing_group_names_When_rendered_Then_helm_fails_with_one_sentence(string setting, string message)
    {
        Skip.If(Helm is null, HelmMissing);

        // Given group names that would map two groups onto one DaskWorkerGroup
        // When helm renders the chart
        var chart = await TemplateAsync("dask-cluster", "bad", "--set", "additional_worker_groups[0].name=gpu", "--set", setting);

        // Then it fails saying why
        Assert.NotEqual(0, chart.ExitCode);
        Assert.Contains(message, chart.Output, StringComparison.Ordinal);
    }

    /// <summary>dask/helm-chart's values.yaml keys at its defaults (written out here, not copied), plus a worker port and limits.</summary>
    private const string UpstreamDefaults = """
        scheduler:
          name: scheduler
          enabled: true
          image: {repository: ghcr.io/dask/dask, tag: "2025.11.0", pullPolicy: IfNotPresent, pullSecrets: null}
          replicas: 1
          serviceType: ClusterIP
          loadBalancerIP: null
          servicePort: 8786
          serviceAnnotations: {}
          env: null
          extraArgs: []
          resources: {}
          tolerations: []
          affinity: {}
          nodeSelector: {}
          securityContext: {}
          metrics:
            enabled: false
            serviceMonitor: {enabled: false, namespace: "", namespaceSelector: {}, additionalLabels: {}, interval: 30s, jobLabel: "", targetLabels: [], metricRelabelings: []}
          livenessProbe: {}
          readinessProbe: {}
        webUI:
          name: webui
          servicePort: 80
          ingress: {enabled: false, pathType: Prefix, tls: false, hostname: dask-ui.example.com, annotations: {}}
        worker:
          name: worker
          image: {repository: ghcr.io/dask/dask, tag: "2025.11.0", pullPolicy: IfNotPresent, dask_worker: dask-worker, pullSecrets: null}
          replicas: 3
          strategy: {type: RollingUpdate}
          custom_scheduler_url: null
          default_resources: {cpu: 1, memory: 4GiB}
          env: null
          extraArgs: []
          resources: {limits: {memory: 3G}}
          mounts: {}
          annotations: {}
          tolerations: []
          affinity: {}
          nodeSelector: {}
          securityContext: {}
          port: 9000
          portDashboard: 8790
          metrics:
            enabled: false
            podMonitor: {enabled: false, namespace: "", namespaceSelector: {}, additionalLabels: {}, interval: 30s, jobLabel: "", podTargetLabels: [], metricRelabelings: []}
          livenessProbe: {}
          readinessProbe: {}
        additional_worker_groups: []
        jupyter:
          name: jupyter
          enabled: true
          rbac: true
          image: {repository: ghcr.io/dask/dask-notebook, tag: "2025.11.0", pullPolicy: IfNotPresent, pullSecrets: null}
          serviceType: ClusterIP
          servicePort: 80
          password: "sha1:aae8550c0a44:9507d45e087d5ee481a5ce9f4f16f37a0867318c"
          passwordHint: dask
          env: null
          command: null
          args: null
          extraConfig: "# Extra Jupyter config goes here"
          resources: {}
          mounts: {}
          tolerations: []
          affinity: {}
          nodeSelector: {}
          securityContext: {}
          serviceAccountName: dask-jupyter
          ingress: {enabled: false, tls: false, pathType: Prefix, hostname: dask-jupyter.example.com, annotations: {}}
          livenessProbe: {}
          readinessProbe: {}
        """;
}
