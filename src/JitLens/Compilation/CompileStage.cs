using JitLens.Pipeline;

namespace JitLens.Compilation;

/// <summary>C# sources → an assembly and PDB in a temporary directory (removed when the pipeline finishes).</summary>
internal sealed class CompileStage : IInspectionStage
{
    public string Name => "compile";

    public bool AppliesTo(InspectionContext context) =>
        context.Compiled is null && context.Request.InputKind == InputKind.CSharpSources;

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "jitlens-" + Guid.NewGuid().ToString("N")[..12]);
        context.TemporaryDirectories.Add(directory);
        context.Compiled = CSharpCompiler.Compile(context.Request.Inputs, directory, cancellationToken);
        foreach (var source in context.Compiled.Sources)
        {
            context.Result.Sources.Add(source);
        }

        return Task.CompletedTask;
    }
}
