using DaskOperator.Controller;
using DaskOperator.Reconcilers;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DaskOperator.Hosting;

/// <summary>
/// <c>dask-operator run</c>: health endpoint, leader election on a coordination.k8s.io Lease, then the controller.
/// Only the leader reconciles; losing the lease stops the controller and the process tries to lead again.
/// </summary>
internal static class OperatorHost
{
    public const string LeaseName = "dask-operator-leader";

    public static async Task RunAsync(OperatorOptions options, CancellationToken cancellationToken)
    {
        var client = KubeClientFactory.Create(options.KubeConfig);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        // In a pod the kubelet probes from outside; elsewhere (tests, a laptop) stay on loopback.
        var bind = KubernetesClientConfiguration.IsInCluster() ? "0.0.0.0" : "127.0.0.1";
        builder.WebHost.UseUrls($"http://{bind}:{options.HealthPort}");
        await using var app = builder.Build();
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger("dask-operator");

        var controller = Build(client, options, loggers);
        var leading = !options.LeaderElection;
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => !leading || controller.Synced ? Results.Text(leading ? "leading" : "standby") : Results.StatusCode(503));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new StartupException($"Cannot serve the health endpoint on port {options.HealthPort}: {e.Message}", e);
        }
        logger.LogInformation("dask-operator watching {Scope}; health on {Urls}", options.Namespace ?? "all namespaces", string.Join(", ", app.Urls));

        try
        {
            if (!options.LeaderElection)
            {
                await controller.RunAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            var leaseNamespace = Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } podNs ? podNs : options.Namespace ?? "default";
            while (!cancellationToken.IsCancellationRequested)
            {
                var elector = new LeaseElector(client, leaseNamespace, LeaseName, options.Identity, logger);
                using var term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Task? run = null;
                elector.OnStartedLeading += () =>
                {
                    leading = true;
                    logger.LogInformation("Leading as {Identity}", options.Identity);
                    run = controller.RunAsync(term.Token);
                };
                elector.OnStoppedLeading += () =>
                {
                    leading = false;
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        logger.LogWarning("Lost leadership; stopping the controller");
                    }

                    term.Cancel();
                };
                try
                {
                    await elector.RunUntilLeadershipLostAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // A stop while leading or waiting to lead: the controller drains below.
                }
                await term.CancelAsync().ConfigureAwait(false);
                // Drained before the lease goes, so the next leader never overlaps with our last writes.
                if (run is not null)
                {
                    await run.ConfigureAwait(false);
                }

                if (run is not null && cancellationToken.IsCancellationRequested
                    && await LeaseRelease.ReleaseAsync(client, leaseNamespace, LeaseName, options.Identity, logger).ConfigureAwait(false))
                {
                    logger.LogInformation("Released the lease {Namespace}/{Name}", leaseNamespace, LeaseName);
                }
                controller = Build(client, options, loggers);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: a normal stop.
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Wires watches, queue and the four reconcilers; one place to read what the operator runs.</summary>
    internal static OperatorController Build(Kubernetes client, OperatorOptions options, ILoggerFactory loggers)
    {
        var api = new KubeApi(client);
        var events = new EventRecorder(client, loggers.CreateLogger<EventRecorder>());
        var schedulers = new SchedulerLocator(api);
        IReconciler[] reconcilers =
        [
            new ClusterReconciler(api, events, new ClusterFinalizer(api), schedulers),
            new WorkerGroupReconciler(api, events, schedulers, new WorkerGroupFinalizer(api, events, schedulers)),
            new AutoscalerReconciler(api, events, schedulers),
            new JobReconciler(api, events),
        ];
        return new OperatorController(new KubeStream(client), WatchSource.All(options.Namespace), reconcilers, options.Workers, loggers);
    }
}
