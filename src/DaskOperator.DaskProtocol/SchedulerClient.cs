namespace DaskOperator.DaskProtocol;

/// <summary>
/// The scheduler RPCs the operator needs, over Dask's own TCP comm (the scheduler's HTTP API is off by
/// default, so it is not relied on). Each call opens a short-lived connection: calls are rare and a
/// scheduler that restarted must not leave us holding a dead socket.
/// </summary>
internal sealed class SchedulerClient(string host, int port)
{
    public string Host { get; } = host;
    public int Port { get; } = port;

    /// <summary>The scheduler's workers (the <c>identity</c> op).</summary>
    public async Task<IReadOnlyList<SchedulerWorker>> WorkersAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync("identity", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        var workers = (reply as IReadOnlyDictionary<object, object?>)?.Map("workers")
            ?? throw new DaskProtocolException("The scheduler's identity reply has no worker list.");
        return workers.Select(kv =>
        {
            var address = (string)kv.Key;
            var info = kv.Value as IReadOnlyDictionary<object, object?>;
            object? rawName = null;
            info?.TryGetValue("name", out rawName);
            var name = rawName switch
            {
                string s => s,
                null => address,
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? address,
            };
            return new SchedulerWorker(address, name, info?.String("host") ?? HostOf(address));
        }).ToList();
    }

    /// <summary>
    /// Every worker in the order the scheduler would rather close them (idle before busy, least data first):
    /// <c>workers_to_close</c> asked to close all. Callers keep the ones they may touch, in this order.
    /// </summary>
    public async Task<IReadOnlyList<string>> CloseOrderAsync(CancellationToken cancellationToken)
    {
        var workers = await WorkersAsync(cancellationToken).ConfigureAwait(false);
        var reply = await CallAsync("workers_to_close", new Dictionary<string, object?>
        {
            ["n"] = workers.Count,
            ["attribute"] = "address",
        }, cancellationToken).ConfigureAwait(false);
        return reply is object?[] list ? list.OfType<string>().ToList() : [];
    }

    /// <summary>
    /// Retires exactly <paramref name="addresses"/>: their data moves to the remaining workers, then they close
    /// (<c>close_workers</c>, so a nanny exits instead of restarting an empty worker). Returns the addresses
    /// the scheduler actually retired; a worker whose data could not be moved is not among them.
    /// </summary>
    public async Task<IReadOnlyList<string>> RetireAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("retire_workers", new Dictionary<string, object?>
        {
            ["workers"] = addresses.ToArray(),
            ["close_workers"] = true,
            ["remove"] = true,
        }, cancellationToken).ConfigureAwait(false);
        return reply is IReadOnlyDictionary<object, object?> retired ? retired.Keys.OfType<string>().ToList() : [];
    }

    /// <summary>
    /// True when no worker is processing a task (the <c>processing</c> op). This Dask (2022.12) has no
    /// <c>check_idle</c> op; queued tasks waiting for a worker that never comes do not count as work here.
    /// </summary>
    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync("processing", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return reply is IReadOnlyDictionary<object, object?> processing
            ? processing.Values.All(v => v is not object?[] { Length: > 0 })
            : throw new DaskProtocolException("The scheduler's processing reply is not a map.");
    }

    /// <summary>How many workers the scheduler would like (for the autoscaler).</summary>
    public async Task<int> AdaptiveTargetAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync("adaptive_target", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return reply is IConvertible c ? Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture)
            : throw new DaskProtocolException("The scheduler's adaptive_target reply is not a number.");
    }

    private async Task<object?> CallAsync(string op, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        await using var comm = await DaskComm.ConnectAsync(Host, Port, cancellationToken).ConfigureAwait(false);
        return await comm.CallAsync(op, arguments, cancellationToken).ConfigureAwait(false);
    }

    private static string HostOf(string address)
    {
        var withoutScheme = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        var colon = withoutScheme.LastIndexOf(':');
        return colon < 0 ? withoutScheme : withoutScheme[..colon];
    }
}
