namespace JitLens.Jupyter.Execution;

/// <summary>
/// Runs a cell's code on a fresh thread with a large stack: the kernel thread stays free to notice an interrupt
/// (a cell that loops forever is given up, not waited for), and deep user recursion has room.
/// </summary>
internal static class CellThread
{
    private const int StackSize = 64 * 1024 * 1024;

    public static Task<T> Run<T>(Func<Task<T>> body)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    completion.SetResult(body().GetAwaiter().GetResult());
                }
                catch (Exception e)
                {
                    completion.SetException(e);
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = "jitlens cell",
        };
        thread.Start();
        return completion.Task;
    }
}
