namespace JitLens.Capture;

/// <summary>A method the JIT host compiled: its display name, metadata token and runtime handles.</summary>
/// <param name="Generated">Compiler-generated (lambda, local function, state machine): attributed to the user's lines through the PDB.</param>
/// <param name="MoveNextToken">For async and iterator methods, their state machine's MoveNext, which owns their lines, else 0.</param>
/// <param name="Body">After a Tier1-PGO warm-up, the body of code its calls ran last; null otherwise.</param>
internal sealed record HostMethod(string Name, int Token, ulong Handle, ulong EntryPoint, bool Generated, int MoveNextToken, HostCodeBody? Body = null)
{
    /// <summary>The method's implementation flags: AggressiveOptimization and NoOptimization decide its tier whatever the mode.</summary>
    public System.Reflection.MethodImplAttributes ImplFlags { get; init; }
}
