using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Jupyter.Inspect;

/// <summary>
/// The kernel's input stage, run before the registered ones: the cell's assembly and PDB are already on disk, and
/// the cell's source goes with them, so every stage (GPU kernels too) can map code to the cell's lines.
/// </summary>
internal sealed class CellInputStage : IInspectionStage
{
    private readonly CompiledInput _input;

    public CellInputStage(string assemblyPath, string cellPath)
    {
        _input = new CompiledInput(
            assemblyPath,
            Path.ChangeExtension(assemblyPath, ".pdb"),
            [SourceDocument.FromText(cellPath, File.ReadAllText(cellPath), "csharp")]);
    }

    public string Name => "cell";

    public bool AppliesTo(InspectionContext context) => context.Compiled is null;

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        context.Compiled = _input;
        return Task.CompletedTask;
    }
}
