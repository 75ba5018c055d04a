namespace DaskOperator.Tests.Support;

/// <summary>
/// Polls until a condition holds, for every test project that waits on real processes (linked into the others):
/// generous deadline because CI machines are slow and shared; a probe that throws (a server not up yet) is retried,
/// and its last exception travels with the time-out.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var patience = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + patience;
        Exception? last = null;
        T? value = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                value = await probe();
                if (done(value))
                {
                    return value;
                }
            }
            catch (Exception e)
            {
                last = e;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out after {patience.TotalSeconds:0}s waiting for {what ?? "the condition"}; last value: {value}", last);
    }

    public static Task<T> WaitAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null) =>
        WaitAsync(() => Task.FromResult(probe()), done, timeout, what);
}
