using System.Globalization;
using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Numba;

/// <summary>Maps a capture report into the model: one unit per (function, compiled signature), views by name.</summary>
internal static class NumbaUnits
{
    public static void AddTo(InspectionResult result, CaptureReport report, SourceDocument source, InspectRequest request)
    {
        foreach (var function in report.Functions.Where(f => FunctionFilter.Matches(request.MethodPattern, f)))
        {
            var scope = LineScope.Of(function);
            var isKernel = function.Kind == "cuda";
            foreach (var signature in function.Signatures)
            {
                var unit = new InspectedUnit(
                    string.Create(CultureInfo.InvariantCulture, $"{function.QualifiedName}({signature.Arguments})"),
                    isKernel ? UnitKind.GpuKernel : UnitKind.CpuMethod,
                    source)
                {
                    Signature = signature.Signature,
                    LineRange = (function.FirstLine, function.LastLine),
                    Tier = isKernel ? null : TierOf(report),
                    Arch = signature.Arch,
                };
                AddViews(unit, function, signature, report.File, scope, request);
                foreach (var note in signature.Notes ?? [])
                {
                    unit.Notes.Add(note);
                }

                (isKernel ? result.Kernels : result.Methods).Add(unit);
            }
        }
    }

    private static void AddViews(InspectedUnit unit, CapturedFunction function, CapturedSignature signature, string file, LineScope scope, InspectRequest request)
    {
        if (request.Wants(BytecodeListing.View))
        {
            unit.AddView(BytecodeListing.Build(function));
        }

        if (request.Wants(NumbaIrListing.View))
        {
            unit.AddView(NumbaIrListing.Build(signature, scope));
        }

        if (signature.Llvm is { } llvm && signature.FunctionName is { } name && request.Wants(LlvmIrListing.View))
        {
            unit.AddView(LlvmIrListing.Build(llvm, name, scope));
        }

        // The asm view also feeds the CPU unit's CFG, so a request for the CFG alone keeps it.
        if (signature.Asm is { } asm && signature.FunctionName is { } asmFunction && (request.Wants(X86AsmListing.View) || request.Wants("cfg")))
        {
            unit.AddView(X86AsmListing.Build(asm, asmFunction, file, scope));
        }

        if (signature.Ptx is { } ptx && request.Wants(PtxListing.View))
        {
            unit.AddView(PtxListing.Build(ptx, signature.FunctionName, file, scope));
        }

        if (signature.Sass is { } sass && (request.Wants(SassListing.View) || request.Wants("cfg")))
        {
            unit.AddView(SassListing.Build(sass, file, scope));
        }
    }

    /// <summary>Numba compiles every function at its LLVM optimisation level (NUMBA_OPT, 3 by default).</summary>
    private static string TierOf(CaptureReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"numba-O{report.OptLevel ?? 3}");
}
