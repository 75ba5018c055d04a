using System.Diagnostics;
using JitLens.Pipeline;
using JitLens.Rendering;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>Runs one inspection and writes it; problems with the input become one sentence and exit code 1.</summary>
internal static class InspectRunner
{
    public static async Task<int> RunAsync(InspectRequest request, InspectDestination destination, CancellationToken cancellationToken)
    {
        var renderer = RendererCatalog.Find(destination.Format);
        if (renderer is null)
        {
            await Console.Error.WriteLineAsync($"Unknown format '{destination.Format}'; use one of: {string.Join(", ", RendererCatalog.Names)}.").ConfigureAwait(false);
            return 1;
        }

        var pipelineStarted = Stopwatch.GetTimestamp();
        InspectionContext context;
        try
        {
            context = await new InspectionPipeline().RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (InspectionException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        var renderStarted = Stopwatch.GetTimestamp();
        await RenderAsync(context, renderer, request, destination.Output).ConfigureAwait(false);
        if (destination.Timings)
        {
            await StageTimingReport.WriteAsync(Console.Error, context.StageTimings, pipelineStarted, renderStarted).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task RenderAsync(InspectionContext context, IRenderer renderer, InspectRequest request, FileInfo? output)
    {
        var options = new RenderOptions { Views = request.Views };
        if (output is not null)
        {
            await using var file = new StreamWriter(output.FullName);
            renderer.Render(context.Result, file, options);
            return;
        }

        renderer.Render(context.Result, Console.Out, options with { Color = ColourTerminal.IsStandardOutput() });
    }
}
