namespace DaskOperator.Tests.Support;

/// <summary>
/// Manifests as dask-kubernetes' documentation writes them: the worker takes its name from $(DASK_WORKER_NAME)
/// and finds the scheduler through DASK_SCHEDULER_ADDRESS, both set by the operator.
/// </summary>
public static class Manifests
{
    public static string Cluster(string name, int workers, string schedulerTargetPort = "tcp-comm", int idleTimeout = 0, string workerRestartPolicy = "Always", bool nanny = true) => $$"""
        apiVersion: kubernetes.dask.org/v1
        kind: DaskCluster
        metadata:
          name: {{name}}
          annotations:
            example.org/owner: parallel-tools
        spec:
          idleTimeout: {{idleTimeout}}
          worker:
            replicas: {{workers}}
            spec:
              restartPolicy: {{workerRestartPolicy}}
              containers:
              - name: worker
                image: ghcr.io/dask/dask:latest
                args: [dask-worker, --name, $(DASK_WORKER_NAME), --nthreads, "1", --no-dashboard{{(nanny ? "" : ", --no-nanny")}}]
                env:
                - name: TEAM
                  value: parallel-tools
          scheduler:
            spec:
              containers:
              - name: scheduler
                image: ghcr.io/dask/dask:latest
                args: [dask-scheduler]
                ports:
                - name: tcp-comm
                  containerPort: 8786
                  protocol: TCP
                readinessProbe:
                  tcpSocket:
                    port: tcp-comm
                  periodSeconds: 1
            service:
              type: ClusterIP
              selector:
                dask.org/cluster-name: {{name}}
                dask.org/component: scheduler
              ports:
              - name: tcp-comm
                protocol: TCP
                port: 8786
                targetPort: {{schedulerTargetPort}}
        """;

    public static string GpuGroup(string cluster, string name, int workers, bool nanny = true) => $$"""
        apiVersion: kubernetes.dask.org/v1
        kind: DaskWorkerGroup
        metadata:
          name: {{name}}
        spec:
          cluster: {{cluster}}
          worker:
            replicas: {{workers}}
            spec:
              containers:
              - name: worker
                image: ghcr.io/dask/dask:latest
                args: [dask-worker, --name, $(DASK_WORKER_NAME), --nthreads, "1", --no-dashboard, --resources, GPU=1{{(nanny ? "" : ", --no-nanny")}}]
                resources:
                  limits:
                    nvidia.com/gpu: "1"
        """;

    public static string Autoscaler(string cluster, int minimum, int maximum) => $$"""
        apiVersion: kubernetes.dask.org/v1
        kind: DaskAutoscaler
        metadata:
          name: {{cluster}}
        spec:
          cluster: {{cluster}}
          minimum: {{minimum}}
          maximum: {{maximum}}
        """;

    /// <summary>An autoscaler of one named group, with a short cooldown and a larger step so tests need not wait long.</summary>
    public static string GroupAutoscaler(string name, string cluster, string group, int minimum, int maximum) => $$"""
        apiVersion: kubernetes.dask.org/v1
        kind: DaskAutoscaler
        metadata:
          name: {{name}}
        spec:
          cluster: {{cluster}}
          workerGroup: {{group}}
          minimum: {{minimum}}
          maximum: {{maximum}}
          stabilizationWindowSeconds: 1
          maxScaleDownPercent: 50
        """;
}
