namespace JitLens.Pipeline;

/// <summary>What a request's inputs are, decided once (<see cref="InspectRequest.InputKind"/>) for every stage.</summary>
public enum InputKind
{
    /// <summary>No inputs, or a mix JitLens cannot take together (a front end may supply the compiled code itself).</summary>
    None,

    /// <summary>C# source files (.cs), compiled by Roslyn.</summary>
    CSharpSources,

    /// <summary>One built assembly (.dll or .exe) with its portable PDB beside it.</summary>
    Assembly,

    /// <summary>Python files (.py), run through Numba.</summary>
    Python,
}
