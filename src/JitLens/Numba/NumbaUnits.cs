using System.Globalization;
using JitLens.Gpu.LineInfo;
using JitLens.Gpu.Ptx;
using JitLens.Gpu.Sass;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Numba;

/// <summary>
/// Maps a capture report into the model: one unit per (function, compiled signature), views by name, followed by
/// one unit per gufunc kernel that the signature's parfors (prange, parallel array expressions) became.
/// </summary>
internal static class NumbaUnits
{
    public static void AddTo(InspectionResult result, CaptureReport report, SourceDocument source, InspectRequest request)
    {
        foreach (var function in report.Functions.Where(f => FunctionFilter.Matches(request.MethodPattern, f)))
        {
            var scope = LineScope.Of(function);
            var isKernel = function.Kind == "cuda";
            if (isKernel && function.Signatures.Count == 0)
            {
                result.Kernels.Add(UncompiledKernel(function, source, report, request));
                continue;
            }

            foreach (var signature in function.Signatures.Where(s => Shown(s, request)))
            {
                var unit = new InspectedUnit(
                    string.Create(CultureInfo.InvariantCulture, $"{function.QualifiedName}({signature.Arguments})"),
                    isKernel ? UnitKind.GpuKernel : UnitKind.CpuMethod,
                    source)
                {
                    Signature = signature.Signature,
                    LineRange = (function.FirstLine, function.LastLine),
                    Tier = isKernel ? null : TierOf(report),
                    Arch = isKernel ? signature.Arch : signature.Arch ?? NumbaCpuArch.Of(report.CpuTarget),
                };
                AddViews(unit, function, signature, report.File, scope, request);
                foreach (var note in signature.Notes ?? [])
                {
                    unit.Notes.Add(note);
                }

                foreach (var diagnostic in (signature.ParallelDiagnostics ?? []).Select(ParallelDiagnosticOf).OfType<ParallelDiagnostic>())
                {
                    unit.ParallelDiagnostics.Add(diagnostic);
                }

                (isKernel ? result.Kernels : result.Methods).Add(unit);
                AddParforKernels(result, unit, signature, report.File, scope, request);
            }
        }
    }

    /// <summary>The model's fact for one the capture reported; null for a kind this JitLens does not know.</summary>
    private static ParallelDiagnostic? ParallelDiagnosticOf(CapturedParallelDiagnostic captured)
    {
        ParallelDiagnosticKind? kind = captured.Kind switch
        {
            "fused" => ParallelDiagnosticKind.Fused,
            "not_fused" => ParallelDiagnosticKind.NotFused,
            "serialized" => ParallelDiagnosticKind.Serialized,
            "hoisted_allocation" => ParallelDiagnosticKind.HoistedAllocation,
            "hoisted" => ParallelDiagnosticKind.Hoisted,
            _ => null,
        };
        return kind is { } k
            ? new ParallelDiagnostic(k, captured.Line, captured.Loop, captured.LoopLine, captured.Other, captured.OtherLine) { Reason = captured.Reason, Variable = captured.Variable }
            : null;
    }

    private static bool Shown(CapturedSignature signature, InspectRequest request) =>
        !request.RequestedSignaturesOnly || (signature.RequestedAs ?? []).Any(request.Signatures.Contains);

    /// <summary>A kernel Numba's CUDA target could not compile here (no CUDA, or no signature): listed, with its bytecode.</summary>
    private static InspectedUnit UncompiledKernel(CapturedFunction function, SourceDocument source, CaptureReport report, InspectRequest request)
    {
        var unit = new InspectedUnit(function.QualifiedName, UnitKind.GpuKernel, source) { LineRange = (function.FirstLine, function.LastLine) };
        if (request.Wants(BytecodeListing.View))
        {
            unit.AddView(BytecodeListing.Build(function));
        }

        unit.Notes.Add(report.Cuda is { Available: false, Reason: { } reason }
            ? $"Numba's CUDA target is unavailable here ({reason}): this kernel has no PTX or SASS, only its bytecode."
            : "This kernel has no compiled signature: launch it in the file or give one with --signature.");
        return unit;
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

        if (signature.FunctionName is { } name)
        {
            AddMachineViews(unit, signature, name, file, scope, request);
        }

        if (signature.Ptx is { } ptx && request.Wants(PtxView.Id))
        {
            unit.AddView(CarriedLabels.Of(PtxListingParser.ParseFunction(ptx, scope.In(file), signature.FunctionName), keepDeclarations: false));
        }

        if (signature.Sass is { } sass && (request.Wants(SassView.Id) || request.Wants(CfgView.Id)))
        {
            unit.AddView(CarriedLabels.Of(SassListingParser.Parse(sass, scope.In(file)), keepDeclarations: false));
        }
    }

    private static void AddMachineViews(InspectedUnit unit, CapturedSignature signature, string functionName, string file, LineScope scope, InspectRequest request)
    {
        // The LLVM IR is read even when only asm is wanted: its inlinedAt chains say which line called inlined code.
        var llvm = signature.Llvm is { } module ? LlvmIrListing.Build(module, functionName, file, scope) : null;
        if (llvm is not null && request.Wants(LlvmIrListing.View))
        {
            unit.AddView(llvm);
        }

        // The asm view also feeds the CPU unit's CFG, so a request for the CFG alone keeps it.
        if (signature.Asm is { } asm && (request.Wants(X86AsmListing.View) || request.Wants(CfgView.Id)))
        {
            var sites = llvm is null ? new Dictionary<int, int>() : LlvmIrListing.InlineSites(llvm);
            unit.AddView(X86AsmListing.Build(asm, functionName, file, scope, sites));
        }
    }

    private static void AddParforKernels(InspectionResult result, InspectedUnit parent, CapturedSignature signature, string file, LineScope scope, InspectRequest request)
    {
        var kernels = signature.Kernels ?? [];
        for (var k = 0; k < kernels.Count; k++)
        {
            var kernel = new InspectedUnit(
                string.Create(CultureInfo.InvariantCulture, $"{parent.Name} parfor kernel {k + 1}"),
                UnitKind.CpuMethod,
                parent.Source)
            {
                Signature = parent.Signature,
                Tier = parent.Tier,
                Arch = parent.Arch,
            };
            AddMachineViews(kernel, signature, kernels[k], file, scope, request);
            var lines = kernel.Views.Values.SelectMany(v => v.Instructions).Where(i => i.Region == CodeRegion.Body).Select(i => i.Line).OfType<int>().ToList();
            if (lines.Count > 0)
            {
                kernel.LineRange = (lines.Min(), lines.Max());
            }

            kernel.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Numba outlined this parfor of {parent.Name} into a gufunc kernel: the parallel runtime runs it on each thread's share of the iterations ({kernels[k]})."));
            result.Methods.Add(kernel);
        }
    }

    /// <summary>Numba compiles every function at its LLVM optimisation level (NUMBA_OPT, 3 by default).</summary>
    private static string TierOf(CaptureReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"numba-O{report.OptLevel ?? 3}");
}
