using ILGPU.Backends;
using ILGPU.IR;
using JitLens.Views;

namespace JitLens.Gpu.Compilation;

/// <summary>
/// Records the kernel's IR at the stages ILGPU exposes to a backend hook. The built-in dump drops locations, so values
/// are formatted here with the file and line each one came from.
/// </summary>
internal sealed class IrCapture : IBackendHook
{
    private readonly List<IrStage> _stages = [];

    public IReadOnlyList<IrStage> Stages => _stages;

    public void FinishedCodeGeneration(IRContext context, Method entryPoint) => _stages.Add(Snapshot(GeneratedIrView.Id, entryPoint));

    public void InitializedKernelContext(IRContext kernelContext, Method kernelMethod)
    {
        // Same code as after generation, only moved into the kernel's own context: nothing new to show.
    }

    public void OptimizedKernelContext(IRContext kernelContext, Method kernelMethod) => _stages.Add(Snapshot(GpuIrView.Id, kernelMethod));

    private static IrStage Snapshot(string view, Method method)
    {
        var lines = new List<IrLine>();
        foreach (var block in method.Blocks)
        {
            var (blockFile, blockLine) = Where(block);
            lines.Add(new IrLine(block.ToReferenceString() + ":", blockFile, blockLine, IsBlockLabel: true));
            foreach (Value value in block)
            {
                var (file, line) = Where(value);
                lines.Add(new IrLine(Format(value), file, line));
            }

            // The block's enumeration leaves out its terminator (branch, return), which is the control flow.
            if (block.Terminator is { } terminator)
            {
                var (file, line) = Where(terminator);
                lines.Add(new IrLine(Format(terminator), file, line));
            }
        }

        return new IrStage(view, lines);
    }

    private static string Format(Value value)
    {
        using var writer = new StringWriter();
        value.Dump(writer);
        return writer.ToString().Trim();
    }

    // Inlined code carries a stack of locations; the innermost file location is the line the value came from.
    private static (string? File, int? Line) Where(Node node) => node.Location switch
    {
        FileLocation file => (file.FileName, file.StartLine),
        CompilationStackLocation stack when stack.TryGetLocation<FileLocation>(out var file) && file is not null => (file.FileName, file.StartLine),
        _ => (null, null),
    };
}
