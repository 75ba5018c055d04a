using Microsoft.Extensions.Hosting;

namespace Kubernetes.TestServer.Api;

/// <summary>
/// Keeps the web host away from process signals: the default console lifetime swallows SIGTERM to stop the host,
/// which would keep a test process (and the pods it runs) alive when a test runner asks it to end.
/// </summary>
internal sealed class HostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
