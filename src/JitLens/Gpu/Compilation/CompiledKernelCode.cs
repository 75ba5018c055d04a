namespace JitLens.Gpu.Compilation;

/// <summary>What ILGPU produced for one kernel: its PTX and its IR at each stage. Plain data: crosses the host boundary as JSON.</summary>
public sealed record CompiledKernelCode(string Name, string Arch, string Ptx, IReadOnlyList<IrStage> IrStages);

/// <summary>The kernel's IR at one point of ILGPU's pipeline, e.g. right after code generation or after optimisation.</summary>
/// <param name="View">The view name used in the model: <c>ir_generated</c> or <c>ir</c>.</param>
public sealed record IrStage(string View, IReadOnlyList<IrLine> Lines);

/// <summary>One IR block header or value, with the source location ILGPU recorded for it.</summary>
public sealed record IrLine(string Text, string? File, int? Line, bool IsBlockLabel = false);
