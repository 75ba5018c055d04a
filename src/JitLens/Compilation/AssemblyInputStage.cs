using JitLens.Pipeline;

namespace JitLens.Compilation;

/// <summary>A built assembly as input: it must have its portable PDB beside it, which maps its code to lines.</summary>
internal sealed class AssemblyInputStage : IInspectionStage
{
    public string Name => "assembly";

    public bool AppliesTo(InspectionContext context) =>
        context.Compiled is null && context.Request.InputKind == InputKind.Assembly;

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        var input = context.Request.Inputs[0];
        var assembly = Path.GetFullPath(input);
        if (!File.Exists(assembly))
        {
            throw new InspectionException($"{input}: file not found.");
        }

        var pdb = Path.ChangeExtension(assembly, ".pdb");
        if (!File.Exists(pdb))
        {
            throw new InspectionException($"{input}: no {Path.GetFileName(pdb)} beside it; JitLens needs the portable PDB to map code to source lines.");
        }

        context.Compiled = new CompiledInput(assembly, pdb, []);
        return Task.CompletedTask;
    }
}
