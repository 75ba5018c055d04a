namespace JitLens.Jupyter.Execution;

/// <summary>Why a cell failed, in Jupyter's terms: name, value and traceback lines.</summary>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback);
