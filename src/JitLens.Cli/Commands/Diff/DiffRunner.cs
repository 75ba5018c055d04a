using JitLens.Cli.Commands.Inspect;
using JitLens.Compare;
using JitLens.Compare.Rendering;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Diff;

/// <summary>Runs both inspections, compares them and writes the comparison; bad input is one sentence and exit code 1.</summary>
internal static class DiffRunner
{
    public static async Task<int> RunAsync(DiffSides sides, ICompareRenderer renderer, CompareRenderOptions options, FileInfo? output, CancellationToken cancellationToken)
    {
        if (sides.LeftLabel == sides.RightLabel)
        {
            await Console.Error.WriteLineAsync("diff needs two files, or one file and options that differ per side (e.g. --left-tier tier0 --right-tier optimized).").ConfigureAwait(false);
            return 1;
        }

        InspectionComparison comparison;
        try
        {
            // The two sides are independent runs (each its own JIT host): run them at once.
            var left = new InspectionPipeline().RunAsync(sides.Left, cancellationToken);
            var right = new InspectionPipeline().RunAsync(sides.Right, cancellationToken);
            await Task.WhenAll(left, right).ConfigureAwait(false);
            comparison = InspectionComparison.Of((await left.ConfigureAwait(false)).Result, (await right.ConfigureAwait(false)).Result, sides.LeftLabel, sides.RightLabel, sides.Left.Views);
        }
        catch (InspectionException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        if (output is not null)
        {
            await using var file = new StreamWriter(output.FullName);
            renderer.Render(comparison, file, options);
            return 0;
        }

        renderer.Render(comparison, Console.Out, options with { Color = ColourTerminal.IsStandardOutput() });
        return 0;
    }
}
