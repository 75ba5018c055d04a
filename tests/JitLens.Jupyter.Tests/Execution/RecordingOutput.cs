using System.Text;
using System.Text.Json.Nodes;
using JitLens.Jupyter.Execution;

namespace JitLens.Jupyter.Tests.Execution;

/// <summary>Keeps what a cell sent, for tests that run the session in-process.</summary>
internal sealed class RecordingOutput : ICellOutput
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public List<JsonObject> Displays { get; } = [];

    public List<JsonObject> Results { get; } = [];

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    public void Stream(string name, string text) => (name == "stdout" ? _stdout : _stderr).Append(text);

    public void Display(JsonObject data) => Displays.Add(data);

    public void Result(JsonObject data) => Results.Add(data);
}
