namespace DaskOperator.Tests.Support;

/// <summary>Polls until a condition holds; generous timeouts because CI machines are slow and shared.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
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
            await Task.Delay(250);
        }
        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}; last value: {value}", last);
    }
}
