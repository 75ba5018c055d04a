using System.Text.Json.Serialization;

namespace JitLens.Numba;

/// <summary>The JSON the capture script writes: what Numba and <c>dis</c> reported, not yet mapped to lines.</summary>
internal sealed record CaptureReport(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("python_version")] string PythonVersion,
    [property: JsonPropertyName("numba_version")] string? NumbaVersion,
    [property: JsonPropertyName("opt_level")] int? OptLevel,
    [property: JsonPropertyName("cuda")] CudaStatus? Cuda,
    [property: JsonPropertyName("cpu_target")] NumbaCpuTarget? CpuTarget,
    [property: JsonPropertyName("functions")] IReadOnlyList<CapturedFunction> Functions,
    [property: JsonPropertyName("notes")] IReadOnlyList<string> Notes,
    [property: JsonPropertyName("problems")] IReadOnlyList<CaptureError>? Problems,
    [property: JsonPropertyName("error")] CaptureError? Error);

/// <summary>
/// A problem in the user's file: <c>syntax</c>, <c>exception</c>, <c>signature</c> or <c>numba_missing</c>. As the
/// report's error nothing could be captured; among its problems (the file raised after defining functions) the
/// functions it created are still described.
/// </summary>
internal sealed record CaptureError(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("column")] int? Column);

/// <summary>What Numba's CPU codegen compiles for: LLVM's triple, CPU name and enabled features (without the '+').</summary>
internal sealed record NumbaCpuTarget(
    [property: JsonPropertyName("triple")] string Triple,
    [property: JsonPropertyName("cpu")] string Cpu,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features);

internal sealed record CudaStatus(
    [property: JsonPropertyName("available")] bool Available,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("arch")] string? Arch);

/// <summary>One Numba dispatcher: <c>cpu</c> (@njit, @jit, @vectorize) or <c>cuda</c> (@cuda.jit).</summary>
internal sealed record CapturedFunction(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("qualname")] string QualifiedName,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("first_line")] int FirstLine,
    [property: JsonPropertyName("def_line")] int DefLine,
    [property: JsonPropertyName("last_line")] int LastLine,
    [property: JsonPropertyName("bytecode")] IReadOnlyList<CapturedBytecode> Bytecode,
    [property: JsonPropertyName("signatures")] IReadOnlyList<CapturedSignature> Signatures);

internal sealed record CapturedBytecode(
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("opname")] string OpName,
    [property: JsonPropertyName("argrepr")] string ArgRepr,
    [property: JsonPropertyName("jump_target")] int? JumpTarget,
    [property: JsonPropertyName("is_jump_target")] bool IsJumpTarget);

internal sealed record CapturedIrStatement(
    [property: JsonPropertyName("block")] int Block,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("text")] string Text);

/// <summary>
/// One compiled signature: its Numba IR and the raw texts of what it became; <c>requested_as</c> lists the
/// <c>--signature</c> requests that compiled it (empty when only the file's own calls did).
/// </summary>
internal sealed record CapturedSignature(
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("arguments")] string Arguments,
    [property: JsonPropertyName("function_name")] string? FunctionName,
    [property: JsonPropertyName("kernels")] IReadOnlyList<string>? Kernels,
    [property: JsonPropertyName("numba_ir")] IReadOnlyList<CapturedIrStatement> NumbaIr,
    [property: JsonPropertyName("llvm")] string? Llvm,
    [property: JsonPropertyName("asm")] string? Asm,
    [property: JsonPropertyName("ptx")] string? Ptx,
    [property: JsonPropertyName("sass")] string? Sass,
    [property: JsonPropertyName("arch")] string? Arch,
    [property: JsonPropertyName("notes")] IReadOnlyList<string>? Notes,
    [property: JsonPropertyName("requested_as")] IReadOnlyList<string>? RequestedAs,
    [property: JsonPropertyName("parallel_diagnostics")] IReadOnlyList<CapturedParallelDiagnostic>? ParallelDiagnostics);

/// <summary>
/// One fact of Numba's parallel diagnostics: <c>kind</c> is fused, not_fused, serialized, hoisted_allocation or hoisted;
/// <c>loop</c> the parfor it is about, <c>other</c> the one it was fused into, tried with or runs inside.
/// </summary>
internal sealed record CapturedParallelDiagnostic(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("loop")] int Loop,
    [property: JsonPropertyName("loop_line")] int? LoopLine,
    [property: JsonPropertyName("other")] int? Other,
    [property: JsonPropertyName("other_line")] int? OtherLine,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("variable")] string? Variable);
