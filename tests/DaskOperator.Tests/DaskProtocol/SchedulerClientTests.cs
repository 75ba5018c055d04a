using DaskOperator.DaskProtocol;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.DaskProtocol;

/// <summary>Against a real Dask scheduler and real workers started by the test on 127.0.0.1.</summary>
public class SchedulerClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Should_list_every_worker_by_its_name_when_asking_a_real_scheduler_for_its_identity()
    {
        Skip.If(PythonDask.IsMissing, PythonDask.MissingReason);

        // Given a scheduler with two named workers, one of them with a GPU resource
        var port = PythonDask.FreePort();
        using var scheduler = PythonDask.StartScheduler(port);
        using var cpu = PythonDask.StartWorker(port, "cpu-worker", "--no-nanny");
        using var gpu = PythonDask.StartWorker(port, "gpu-worker", "--no-nanny", "--resources", "GPU=1");
        var client = new SchedulerClient("127.0.0.1", port);

        // When the operator asks the scheduler for its workers
        var workers = await Eventually.WaitAsync(() => client.WorkersAsync(default), w => w.Count == 2, Patience, "two workers");

        // Then both are listed by name, with their addresses on the loopback host
        Assert.Equal(["cpu-worker", "gpu-worker"], workers.Select(w => w.Name).Order());
        Assert.All(workers, w => Assert.Equal("127.0.0.1", w.Host));
        Assert.All(workers, w => Assert.StartsWith("tcp://127.0.0.1:", w.Address, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Should_retire_a_nanny_worker_without_losing_its_data_and_without_it_restarting()
    {
        Skip.If(PythonDask.IsMissing, PythonDask.MissingReason);

        // Given two workers with nannies, each holding five published keys
        var port = PythonDask.FreePort();
        using var scheduler = PythonDask.StartScheduler(port);
        using var keep = PythonDask.StartWorker(port, "keep");
        using var leave = PythonDask.StartWorker(port, "leave");
        var client = new SchedulerClient("127.0.0.1", port);
        var workers = await Eventually.WaitAsync(() => client.WorkersAsync(default), w => w.Count == 2, Patience, "two workers");
        var address = $"tcp://127.0.0.1:{port}";
        await PythonDask.RunScriptAsync("scatter_and_publish.py", address, "data", "keep", "leave");

        // When the operator retires the worker named "leave"
        var leaving = workers.Single(w => w.Name == "leave").Address;
        var retired = await client.RetireAsync([leaving], default);

        // Then exactly that worker was retired, its nanny exited (no empty restart), and all ten keys are still there
        Assert.Equal([leaving], retired);
        await leave.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var remaining = await client.WorkersAsync(default);
        Assert.Equal(["keep"], remaining.Select(w => w.Name));
        var intact = await PythonDask.RunScriptAsync("gather_published.py", address, "data");
        Assert.Equal("10", intact.Trim().Split('\n').Last().Trim());
    }

    [SkippableFact]
    public async Task Should_return_every_worker_in_the_schedulers_close_order_with_busy_data_holders_last()
    {
        Skip.If(PythonDask.IsMissing, PythonDask.MissingReason);

        // Given three workers where only "holder" keeps data
        var port = PythonDask.FreePort();
        using var scheduler = PythonDask.StartScheduler(port);
        using var a = PythonDask.StartWorker(port, "empty-a", "--no-nanny");
        using var b = PythonDask.StartWorker(port, "empty-b", "--no-nanny");
        using var holder = PythonDask.StartWorker(port, "holder", "--no-nanny");
        var client = new SchedulerClient("127.0.0.1", port);
        var workers = await Eventually.WaitAsync(() => client.WorkersAsync(default), w => w.Count == 3, Patience, "three workers");
        await PythonDask.RunScriptAsync("scatter_and_publish.py", $"tcp://127.0.0.1:{port}", "data", "holder");

        // When the operator asks for the close order
        var order = await client.CloseOrderAsync(default);

        // Then every worker is listed once and the data holder comes last
        Assert.Equal(workers.Select(w => w.Address).Order(), order.Order());
        Assert.Equal(workers.Single(w => w.Name == "holder").Address, order[^1]);
    }

    [SkippableFact]
    public async Task Should_see_the_scheduler_busy_while_a_task_runs_and_idle_after_it_is_gone()
    {
        Skip.If(PythonDask.IsMissing, PythonDask.MissingReason);

        // Given a scheduler with one worker, idle
        var port = PythonDask.FreePort();
        using var scheduler = PythonDask.StartScheduler(port);
        using var worker = PythonDask.StartWorker(port, "w", "--no-nanny");
        var client = new SchedulerClient("127.0.0.1", port);
        await Eventually.WaitAsync(() => client.WorkersAsync(default), w => w.Count == 1, Patience, "one worker");
        Assert.True(await client.IsIdleAsync(default));

        // When a client runs a long task, Then the scheduler is busy
        var busy = LocalProcess.Start(PythonDask.Python, [Path.Combine(AppContext.BaseDirectory, "Python", "hold_busy.py"), $"tcp://127.0.0.1:{port}"]);
        try
        {
            await Eventually.WaitAsync(() => client.IsIdleAsync(default), idle => !idle, Patience, "the task to be processing");
        }
        finally
        {
            busy.Dispose();
        }

        // When that client is gone, Then its task is released and the scheduler is idle again
        await Eventually.WaitAsync(() => client.IsIdleAsync(default), idle => idle, Patience, "the scheduler to be idle again");
    }

    [Fact]
    public async Task Should_report_an_unreachable_scheduler_as_a_protocol_error()
    {
        // Given a port nothing listens on
        var client = new SchedulerClient("127.0.0.1", PythonDask.FreePort());

        // When the operator asks for workers, Then it gets a DaskProtocolException it can turn into a condition
        var error = await Assert.ThrowsAsync<DaskProtocolException>(() => client.WorkersAsync(default));
        Assert.Contains("Cannot reach the Dask scheduler", error.Message, StringComparison.Ordinal);
    }
}
