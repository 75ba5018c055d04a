using JitLens.Cfg;
using JitLens.Gpu;
using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Tests.Gpu.Support;

/// <summary>Runs the GPU and CFG stages on a sample, as the pipeline does after the compile stage.</summary>
internal static class KernelInspection
{
    public static async Task<InspectionContext> RunAsync(string sample, IReadOnlyList<string> views, string? arch = null, string? kernelPattern = null)
    {
        var path = UserAssembly.SamplePath(sample);
        var request = new InspectRequest
        {
            Inputs = [path],
            Views = views,
            Arch = arch,
            KernelPattern = kernelPattern,
            Timeout = TimeSpan.FromMinutes(2), // a loaded CI machine is slow to start processes
        };
        var context = new InspectionContext(request) { Compiled = UserAssembly.Compile(path) };
        IInspectionStage[] stages = [new GpuKernelStage(), new ControlFlowGraphStage(), new ControlFlowGraphLayoutStage()];
        foreach (var stage in stages.Where(s => s.AppliesTo(context)))
        {
            await stage.RunAsync(context, CancellationToken.None);
        }

        return context;
    }

    /// <summary>The 1-based line of the first source line containing <paramref name="marker"/>.</summary>
    public static int LineOf(InspectedUnit unit, string marker) =>
        unit.Source.Lines.Select((text, index) => (text, index)).First(l => l.text.Contains(marker, StringComparison.Ordinal)).index + 1;

    public static IReadOnlyList<string> At(InspectedUnit unit, string view, int line) =>
        unit.Views[view].ForLine(line).Select(i => i.Text).ToList();
}
