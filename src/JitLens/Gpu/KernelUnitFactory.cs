using JitLens.Gpu.Compilation;
using JitLens.Gpu.LineInfo;
using JitLens.Gpu.Ptx;
using JitLens.Model;

namespace JitLens.Gpu;

/// <summary>Turns what ILGPU produced for one kernel into the model: a GPU unit with its IR stages and PTX per line.</summary>
public static class KernelUnitFactory
{
    public static InspectedUnit Create(CompiledKernelCode code, IReadOnlyList<SourceDocument> sources)
    {
        var files = code.IrStages.SelectMany(s => s.Lines).Select(l => l.File).OfType<string>().Distinct().ToList();
        var source = sources.FirstOrDefault(s => files.Any(f => SourceFiles.Same(f, s.Path))) ?? (sources.Count > 0 ? sources[0] : null)
            ?? SourceDocument.FromText("<unknown>", "", "csharp");
        bool IsSource(string file) => SourceFiles.Same(file, source.Path);

        var unit = new InspectedUnit(code.Name, UnitKind.GpuKernel, source) { Arch = code.Arch };
        foreach (var stage in code.IrStages)
        {
            unit.AddView(new CodeListing(stage.View, stage.Lines.Select(l => IrInstruction(l, IsSource)).ToList()));
        }

        unit.AddView(CarriedLabels.Of(PtxListingParser.Parse(code.Ptx, IsSource), keepDeclarations: true));
        if (RunnablePtx.TargetOf(code.Ptx) is { } target && !string.Equals(target, code.Arch, StringComparison.OrdinalIgnoreCase))
        {
            // ILGPU 1.5.3 writes .target sm_80 at most; a newer GPU's driver compiles that PTX for itself, as ptxas does here.
            unit.Notes.Add($"ILGPU writes this PTX for .target {target} (the newest it knows); on {code.Arch} the driver compiles it for the GPU, and SASS is made for {code.Arch}.");
        }

        var lines = unit.Views.Values.SelectMany(v => v.Instructions)
            .Where(i => i.Region == CodeRegion.Body && i.Line is not null)
            .Select(i => i.Line!.Value)
            .ToList();
        if (lines.Count > 0)
        {
            unit.LineRange = (lines.Min(), lines.Max());
        }

        return unit;
    }

    private static CodeInstruction IrInstruction(IrLine line, Func<string, bool> isSource)
    {
        if (line.IsBlockLabel)
        {
            return new CodeInstruction(line.Text, null, CodeRegion.Header) { Label = line.Text.TrimEnd(':') };
        }

        return line.File is not null && isSource(line.File) && line.Line is { } l
            ? new CodeInstruction(line.Text, l)
            : new CodeInstruction(line.Text, null, CodeRegion.Unmapped);
    }
}
