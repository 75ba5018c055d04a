using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Execution;

/// <summary>Where a cell's outputs go: in the kernel, IOPub messages; in tests and benchmarks, anything.</summary>
public interface ICellOutput
{
    /// <summary>Text the cell printed; <paramref name="name"/> is "stdout" or "stderr".</summary>
    void Stream(string name, string text);

    /// <summary>A rich output (a MIME bundle), e.g. the %%inspect view.</summary>
    void Display(JsonObject data);

    /// <summary>The value of the cell's final expression.</summary>
    void Result(JsonObject data);
}
