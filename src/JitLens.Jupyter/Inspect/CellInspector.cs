using System.Globalization;
using System.Text.Json.Nodes;
using JitLens.Capture;
using JitLens.Compare;
using JitLens.Compare.Rendering;
using JitLens.Jupyter.Execution;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Rendering;
using JitLens.Rendering.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using RoslynCompilation = Microsoft.CodeAnalysis.Compilation;

namespace JitLens.Jupyter.Inspect;

/// <summary>
/// Shows what a %%inspect cell became: writes the cell's submission (and the earlier submissions it depends on)
/// to disk as assembly + portable PDB, runs the JitLens pipeline on it like on any built assembly, and displays
/// the interactive view. The PDB points at the cell's own file, so lines are the cell's lines.
/// A JIT host kept in reserve for the kernel's lifetime spares every edited cell the host's start-up and ClrMD's attach.
/// </summary>
internal sealed class CellInspector : IDisposable
{
    private static readonly TimeSpan GraceTime = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly CellNames _names;
    private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);
    private readonly JitHostReserve _hosts = new();

    /// <summary>The last inspection shown (the right side of a comparison), for <c>--compare previous</c>.</summary>
    private ShownInspection? _previous;

    public CellInspector(string directory, CellNames names)
    {
        _directory = directory;
        _names = names;
    }

    /// <summary>Gets a JIT host ready for <paramref name="magic"/>'s tier while Roslyn compiles the cell.</summary>
    public void Prepare(InspectMagic magic)
    {
        try
        {
            _hosts.Prepare(Request(magic, []));
        }
        catch (InspectionException)
        {
            // No host can start (JitLens.Host.dll missing): the inspection itself says so, and the cell still runs.
        }
    }

    /// <summary>
    /// Writes the cell (and the earlier submissions it builds on) to disk as assembly + portable PDB and returns the
    /// cell's compile errors: for a %%inspect cell this emit is the compile, so the view waits for no in-memory build
    /// (the scripting engine makes that one when the cell runs, after the view is shown).
    /// </summary>
    public IReadOnlyList<Diagnostic> Write(RoslynCompilation compilation, string cellPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);

        // Earlier submissions (the plain cells run since the last %%inspect) are written while the cell itself is.
        var earlier = Task.Run(() => EmitEarlierSubmissions(compilation, cancellationToken), cancellationToken);
        var result = Emit(compilation, AssemblyOf(cellPath), withPdb: true, cancellationToken);
        earlier.GetAwaiter().GetResult();
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>Shows the view of a cell that <see cref="Write"/> wrote without errors.</summary>
    public async Task ShowAsync(RoslynCompilation compilation, string cellPath, InspectMagic magic, ICellOutput output, CancellationToken cancellationToken)
    {
        try
        {
            if (magic.CompareTier is { } left)
            {
                await ShowComparisonAsync(compilation, cellPath, magic, left, output, cancellationToken).ConfigureAwait(false);
                return;
            }

            var result = await InspectAsync(compilation, cellPath, magic, cancellationToken).ConfigureAwait(false);
            var shown = new ShownInspection(result, _names.LabelOf(cellPath), magic.Tier);
            if (magic.CompareWithPrevious)
            {
                ShowAgainstPrevious(shown, magic, output);
                return;
            }

            _previous = shown;
            DisplayView(result, magic, output);
        }
        catch (InspectionException e)
        {
            // The cell itself is fine and still runs; only the view could not be made.
            output.Stream("stderr", "%%inspect: " + _names.Relabel(e.Message) + "\n");
        }
    }

    /// <summary><c>--compare T</c>: the cell at tier T and at its own tier, one after the other, shown side by side.</summary>
    private async Task ShowComparisonAsync(RoslynCompilation compilation, string cellPath, InspectMagic magic, JitTier left, ICellOutput output, CancellationToken cancellationToken)
    {
        var before = await InspectAsync(compilation, cellPath, magic with { Tier = left }, cancellationToken).ConfigureAwait(false);
        var after = await InspectAsync(compilation, cellPath, magic, cancellationToken).ConfigureAwait(false);
        _previous = new ShownInspection(after, _names.LabelOf(cellPath), magic.Tier);
        DisplayComparison(InspectionComparison.Of(before, after, InspectMagic.FlagOf(left), InspectMagic.FlagOf(magic.Tier), magic.Views), output);
    }

    /// <summary>
    /// <c>--compare previous</c>: what the last %%inspect cell showed against this cell, lines matched through a
    /// diff of their sources: re-running an edited cell shows what the edit changed.
    /// </summary>
    private void ShowAgainstPrevious(ShownInspection current, InspectMagic magic, ICellOutput output)
    {
        var previous = _previous;
        _previous = current;
        if (previous is null)
        {
            output.Stream("stderr", "%%inspect: --compare previous: no earlier %%inspect cell in this kernel to compare with; showing this cell alone.\n");
            DisplayView(current.Result, magic, output);
            return;
        }

        // Both tiers are named only where they differ: the edit is the news, not the tier.
        var sameTier = previous.Tier == current.Tier;
        var leftLabel = sameTier ? previous.Label : $"{previous.Label} {InspectMagic.FlagOf(previous.Tier)}";
        var rightLabel = sameTier ? current.Label : $"{current.Label} {InspectMagic.FlagOf(current.Tier)}";
        DisplayComparison(InspectionComparison.Of(previous.Result, current.Result, leftLabel, rightLabel, magic.Views), output);
    }

    private static void DisplayView(InspectionResult result, InspectMagic magic, ICellOutput output)
    {
        var options = new RenderOptions { Views = magic.Views };
        output.Display(new JsonObject
        {
            ["text/html"] = HtmlView.ToFragment(result, options),
            ["text/plain"] = PlainText(result, options),
        });
    }

    private static void DisplayComparison(InspectionComparison comparison, ICellOutput output)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        CompareHtmlRenderer.WriteFragment(comparison, html);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CompareRendererCatalog.Find("text")!.Render(comparison, text, new CompareRenderOptions());
        output.Display(new JsonObject
        {
            ["text/html"] = html.ToString(),
            ["text/plain"] = text.ToString(),
        });
    }

    private async Task<InspectionResult> InspectAsync(RoslynCompilation compilation, string cellPath, InspectMagic magic, CancellationToken cancellationToken)
    {
        var assembly = AssemblyOf(cellPath);
        var request = Request(magic, [assembly]);

        // The pipeline bounds its child processes by request.Timeout; this bounds everything else, so a stuck
        // inspection costs the cell its view, never the kernel its liveness.
        var limit = request.Timeout + GraceTime;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(limit);
        try
        {
            var context = await Pipeline(assembly, cellPath).RunAsync(request, bounded.Token).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            var submission = compilation.ScriptClass?.Name ?? throw new InvalidOperationException("A cell compiles to a script submission.");
            return CellView.Of(context.Result, submission, _names.LabelOf(cellPath), File.ReadAllText(cellPath));
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InspectionException(string.Create(CultureInfo.InvariantCulture, $"the inspection did not finish within {limit.TotalSeconds:0} s; the cell ran without its view."), e);
        }
    }

    public void Dispose() => _hosts.Dispose();

    private InspectionPipeline Pipeline(string assembly, string cellPath) => new(
    [
        // The cell is already compiled: its assembly stands in for the compile stage's output.
        new CellInputStage(assembly, cellPath),

        // Before the registered stages: the host comes from the reserve, so the jit-host stage has nothing to start.
        new ReservedJitHostStage(_hosts),
        .. PipelineStages.All,
    ]);

    private string AssemblyOf(string cellPath) => Path.Combine(_directory, Path.GetFileNameWithoutExtension(cellPath) + ".dll");

    private static InspectRequest Request(InspectMagic magic, IReadOnlyList<string> inputs) =>
        new() { Inputs = inputs, Views = magic.Views, Tier = magic.Tier, Arch = magic.Arch };

    /// <summary>The host loads the cell's assembly from disk and finds earlier submissions beside it by name.</summary>
    private void EmitEarlierSubmissions(RoslynCompilation compilation, CancellationToken cancellationToken)
    {
        for (var previous = compilation.ScriptCompilationInfo?.PreviousScriptCompilation; previous is not null; previous = previous.ScriptCompilationInfo?.PreviousScriptCompilation)
        {
            if (_emitted.Add(previous.AssemblyName!))
            {
                var written = Emit(previous, Path.Combine(_directory, previous.AssemblyName + ".dll"), withPdb: false, cancellationToken);
                if (!written.Success)
                {
                    var first = written.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                    throw new InspectionException(string.Create(CultureInfo.InvariantCulture, $"an earlier cell could not be written as an assembly: {first}"));
                }
            }
        }
    }

    private static EmitResult Emit(RoslynCompilation compilation, string assemblyPath, bool withPdb, CancellationToken cancellationToken)
    {
        using var pe = File.Create(assemblyPath);
        using var pdb = withPdb ? File.Create(Path.ChangeExtension(assemblyPath, ".pdb")) : null;
        var tree = compilation.SyntaxTrees.Single();
        var embedded = withPdb ? new[] { EmbeddedText.FromSource(tree.FilePath, tree.GetText(cancellationToken)) } : null;
        return compilation.Emit(
            pe,
            pdb,
            options: new EmitOptions(debugInformationFormat: withPdb ? DebugInformationFormat.PortablePdb : DebugInformationFormat.Embedded),
            embeddedTexts: embedded,
            cancellationToken: cancellationToken);
    }

    private static string PlainText(InspectionResult result, RenderOptions options)
    {
        if (RendererCatalog.Find("text") is { } text)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            text.Render(result, writer, options);
            return writer.ToString();
        }

        var units = result.Methods.Concat(result.Kernels).Select(u => u.Name).ToList();
        return units.Count == 0 ? "JitLens: no methods to show." : "JitLens: " + string.Join(", ", units);
    }
}
