using JitLens.Pipeline;
using JitLens.Rendering;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>Runs one inspection and writes it; problems with the input become one sentence and exit code 1.</summary>
internal static class InspectRunner
{
    public static async Task<int> RunAsync(InspectRequest request, string format, FileInfo? output, CancellationToken cancellationToken)
    {
        var renderer = RendererCatalog.Find(format);
        if (renderer is null)
        {
            await Console.Error.WriteLineAsync($"Unknown format '{format}'; use one of: {string.Join(", ", RendererCatalog.Names)}.").ConfigureAwait(false);
            return 1;
        }

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

        var options = new RenderOptions { Views = request.Views };
        if (output is not null)
        {
            await using var file = new StreamWriter(output.FullName);
            renderer.Render(context.Result, file, options);
            return 0;
        }

        if (renderer.Name == "text" && !Console.IsOutputRedirected)
        {
            ColorTextRenderer.Render(context.Result, options with { Color = true });
            return 0;
        }

        renderer.Render(context.Result, Console.Out, options);
        return 0;
    }
}
