namespace Kubernetes.TestServer.Tests;

/// <summary>Polls a condition with a generous deadline: the machine running tests may be slow and busy.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what ?? "the condition"}; last seen: {last}");
            }

            await Task.Delay(200);
            last = await read();
        }

        return last;
    }

    public static Task<T> ReturnsAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null) =>
        ReturnsAsync(() => Task.FromResult(read()), done, timeout, what);
}
