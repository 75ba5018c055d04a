using System.Text.Json.Nodes;
using JitLens.Jupyter.Execution;
using JitLens.Jupyter.Protocol;

namespace JitLens.Jupyter.Kernel;

/// <summary>A cell's outputs as IOPub messages whose parent is the cell's execute_request.</summary>
internal sealed class IopubCellOutput : ICellOutput
{
    private readonly KernelServer _server;
    private readonly JupyterMessage _request;
    private readonly int _executionCount;
    private readonly bool _silent;

    public IopubCellOutput(KernelServer server, JupyterMessage request, int executionCount, bool silent)
    {
        _server = server;
        _request = request;
        _executionCount = executionCount;
        _silent = silent;
    }

    public void Stream(string name, string text) =>
        Publish("stream", new JsonObject { ["name"] = name, ["text"] = text });

    public void Display(JsonObject data) =>
        Publish("display_data", new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["transient"] = new JsonObject() });

    public void Result(JsonObject data) =>
        Publish("execute_result", new JsonObject { ["execution_count"] = _executionCount, ["data"] = data, ["metadata"] = new JsonObject() });

    public void Error(CellError error) =>
        Publish("error", Content(error));

    public static JsonObject Content(CellError error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode)t).ToArray()),
    };

    private void Publish(string type, JsonObject content)
    {
        if (!_silent)
        {
            _server.Publish(_request, type, content);
        }
    }
}
