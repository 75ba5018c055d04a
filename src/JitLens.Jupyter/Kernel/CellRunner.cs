using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using JitLens.Jupyter.Execution;
using JitLens.Jupyter.Protocol;

namespace JitLens.Jupyter.Kernel;

/// <summary>
/// Runs execute requests one at a time on a thread of its own, in the order they came; an exception in a cell
/// becomes an error reply and never ends the thread.
/// </summary>
internal sealed class CellRunner : IDisposable
{
    private readonly BlockingCollection<JupyterMessage> _queue = [];
    private readonly KernelServer _server;
    private readonly CSharpSession _session;
    private readonly Thread _thread;
    private CancellationTokenSource _interrupt = new();
    private int _executionCount;

    public CellRunner(KernelServer server, CSharpSession session)
    {
        _server = server;
        _session = session;
        _thread = new Thread(Loop) { IsBackground = true, Name = "jitlens cells" };
    }

    public void Start() => _thread.Start();

    public void Enqueue(JupyterMessage request) => _queue.Add(request);

    public void Interrupt() => Volatile.Read(ref _interrupt).Cancel();

    public void Stop() => _queue.CompleteAdding();

    private void Loop()
    {
        foreach (var request in _queue.GetConsumingEnumerable())
        {
            Execute(request);
        }
    }

    private void Execute(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? string.Empty;
        var silent = (bool?)request.Content["silent"] ?? false;
        var storeHistory = !silent && ((bool?)request.Content["store_history"] ?? true);
        if (storeHistory)
        {
            _executionCount++;
        }

        _server.PublishStatus(request, "busy");
        if (!silent)
        {
            _server.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _executionCount });
        }

        var output = new IopubCellOutput(_server, request, _executionCount, silent);
        var interrupt = new CancellationTokenSource();
        Interlocked.Exchange(ref _interrupt, interrupt).Dispose();
        CellError? error;
        try
        {
            error = _session.ExecuteAsync(code, storeHistory ? _executionCount : 0, output, interrupt.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failure of the kernel's own machinery still answers the cell, so the client never hangs.
            error = new CellError(e.GetType().Name, e.Message, [$"{e.GetType().Name}: {e.Message}"]);
        }

        JsonObject reply;
        if (error is null)
        {
            reply = new JsonObject { ["status"] = "ok", ["execution_count"] = _executionCount, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        }
        else
        {
            output.Error(error);
            reply = IopubCellOutput.Content(error);
            reply["status"] = "error";
            reply["execution_count"] = _executionCount;
        }

        _server.Send(Channel.Shell, request.Reply("execute_reply", reply));
        _server.PublishStatus(request, "idle");
        if (error is not null && ((bool?)request.Content["stop_on_error"] ?? true))
        {
            AbortQueued();
        }
    }

    /// <summary>After a failed cell, cells queued behind it (Run All) are not run: they depended on it.</summary>
    private void AbortQueued()
    {
        while (_queue.TryTake(out var queued))
        {
            _server.PublishStatus(queued, "busy");
            _server.Send(Channel.Shell, queued.Reply("execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount }));
            _server.PublishStatus(queued, "idle");
        }
    }

    public void Dispose()
    {
        _queue.Dispose();
        _interrupt.Dispose();
    }
}
