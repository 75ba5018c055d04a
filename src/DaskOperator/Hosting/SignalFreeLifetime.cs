using Microsoft.Extensions.Hosting;

namespace DaskOperator.Hosting;

/// <summary>
/// The web host's default console lifetime takes SIGTERM for itself (it only stops the web host, so the
/// controller never heard of it); signals belong to <see cref="ShutdownSignals"/> instead.
/// </summary>
internal sealed class SignalFreeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
