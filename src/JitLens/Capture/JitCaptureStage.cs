using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using JitLens.Capture.Asm;
using JitLens.Capture.Il;
using JitLens.Capture.Pdb;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Capture;

/// <summary>
/// The compiled assembly → one unit per JITted method with its <c>il</c> and <c>asm</c> views, attributed to lines.
/// The JIT runs in a child host; ClrMD reads its code while it waits.
/// </summary>
internal sealed class JitCaptureStage : IInspectionStage
{
    public string Name => "jit";

    /// <summary>Extra environment for the host; the cross-check test uses it to make the runtime print its own disassembly.</summary>
    internal IReadOnlyDictionary<string, string>? HostEnvironment { get; init; }

    /// <summary>
    /// Wait for the host to exit before returning: what it writes to files (the runtime's own disassembly for the
    /// cross-check tests) is complete only once it has exited.
    /// </summary>
    internal bool AwaitHostExit { get; init; }

    public bool AppliesTo(InspectionContext context) =>
        context.Compiled is not null && (context.Request.Wants(IlView.Id) || context.Request.Wants(AsmView.Id));

    public async Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        var launch = context.EarlyJitHost ?? JitHostLaunch.Start(context.Request, HostEnvironment);
        context.EarlyJitHost = null;
        try
        {
            await CaptureAsync(context, launch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The host's exit (and ClrMD's detach) need not hold up what comes next: once stdin closes it ends on its own.
            var ending = Task.Run(launch.Dispose, CancellationToken.None);
            if (AwaitHostExit)
            {
                await ending.ConfigureAwait(false);
            }
        }
    }

    private static async Task CaptureAsync(InspectionContext context, JitHostLaunch launch, CancellationToken cancellationToken)
    {
        var compiled = context.Compiled!;
        var request = context.Request;
        var session = launch.Session;
        await launch.LoadAsync(compiled.AssemblyPath, request.Timeout, cancellationToken).ConfigureAwait(false);

        // Reading the host's memory is bounded by the same time limit: a stuck read must not hang jitlens.
        var reading = Task.Run(async () => Read(context, session, await launch.ReaderAsync().ConfigureAwait(false), cancellationToken), cancellationToken);
        List<string> leftOut;
        try
        {
            leftOut = await reading.WaitAsync(request.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            session.Kill();
            throw new InspectionException($"Reading the JIT's output from the host did not finish within {request.Timeout.TotalSeconds:0.#} s.");
        }

        if (request.Tier == JitTier.Tier1Pgo && session.WarmUpCalls == 0)
        {
            context.Result.Notes.Add("Tier1-PGO: nothing ran to warm up (the input has no Main and no static parameterless method), so methods show their first, Tier0 code.");
        }

        if (leftOut.Count > 0)
        {
            context.Result.Notes.Add($"{leftOut.Count} compiler-generated method(s) without source lines are not shown: {string.Join(", ", leftOut)}.");
        }

        foreach (var (name, message) in session.WarmUpFailures)
        {
            // The method itself carries the note; a run whose pattern leaves it out still says why the warm-up was short.
            var failed = context.Result.Methods.FirstOrDefault(m => m.Name == name);
            var note = $"The warm-up stopped calling this method: {message}";
            (failed?.Notes ?? context.Result.Notes).Add(failed is null ? $"{name}: {note}" : note);
        }

        foreach (var skipped in session.Skipped)
        {
            context.Result.Notes.Add($"The JIT did not compile {skipped}");
        }

        if (session.Methods.Count == 0)
        {
            context.Result.Notes.Add(request.MethodPattern is null
                ? "The input has no methods with code."
                : $"No method matches '{request.MethodPattern}'.");
        }
    }

    private static List<string> Read(InspectionContext context, HostSession session, ClrMdTarget? target, CancellationToken cancellationToken)
    {
        var compiled = context.Compiled!;
        var request = context.Request;
        using var pe = new PEReader(File.OpenRead(compiled.AssemblyPath));
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(compiled.PdbPath));
        var pdb = pdbProvider.GetMetadataReader();
        var il = new IlDisassembler(pe);

        var leftOut = new List<string>();
        var switches = new Dictionary<string, SwitchSyntax>(StringComparer.Ordinal);
        foreach (var method in session.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var points = LinesOf(pdb, method);
            if (!points.HasLines)
            {
                // Compiler-generated plumbing (closure ctors, state-machine helpers) has no line of the user's to show under.
                leftOut.Add(method.Name);
                continue;
            }

            var unit = new InspectedUnit(method.Name, UnitKind.CpuMethod, SourceFor(context, points.Document))
            {
                Tier = TierName(request.Tier),
                LineRange = points.LineRange,
            };
            var ilCode = il.Disassemble(method.Token);
            points = WithSwitchDispatch(points, ilCode, switches);
            if (request.Wants(IlView.Id))
            {
                unit.AddView(LineAttribution.Il(ilCode, points));
            }

            if (target is not null)
            {
                AddAsm(unit, method, target, points, request.Tier == JitTier.Tier1Pgo, ilCode, il);
            }

            context.Result.Methods.Add(unit);
        }

        return leftOut;
    }

    /// <summary>
    /// Hidden IL ranges that dispatch a <c>switch</c> (a <c>switch</c> opcode or compare-and-branch chains, the next visible
    /// line inside a switch of the syntax tree) belong to that switch's line.
    /// </summary>
    private static SequencePointMap WithSwitchDispatch(SequencePointMap points, IReadOnlyList<IlInstruction> ilCode, Dictionary<string, SwitchSyntax> switches)
    {
        if (points.Document is not { } path || !File.Exists(path))
        {
            return points;
        }

        if (!switches.TryGetValue(path, out var syntax))
        {
            switches[path] = syntax = SwitchSyntax.Parse(File.ReadAllText(path));
        }

        var dispatch = new List<(int Start, int End, int Line)>();
        foreach (var (start, end, next) in points.HiddenRanges())
        {
            var branches = ilCode.Any(i => i.Offset >= start && i.Offset < end && (i.Flow == ControlFlowKind.ConditionalBranch || i.Targets.Count > 1));
            if (branches && next is { } line && syntax.SwitchLineHolding(line) is { } switchLine)
            {
                dispatch.Add((start, end, switchLine));
            }
        }

        return dispatch.Count == 0 ? points : points.WithDispatch(dispatch);
    }

    private static SequencePointMap LinesOf(MetadataReader pdb, HostMethod method)
    {
        var points = SequencePointMap.Read(pdb, method.Token);
        if (points.HasLines || method.MoveNextToken == 0)
        {
            return points;
        }

        // The kick-off method of an async or iterator method has no lines of its own: it belongs to the method's first line.
        var stateMachine = SequencePointMap.Read(pdb, method.MoveNextToken);
        return stateMachine.LineRange is { } range ? SequencePointMap.SingleLine(range.First, stateMachine.Document) : points;
    }

    private static void AddAsm(InspectedUnit unit, HostMethod method, ClrMdTarget target, SequencePointMap points, bool warmedUp, IReadOnlyList<IlInstruction> ilCode, IlDisassembler il)
    {
        var (code, tier, note) = ShownCode.Read(method, target, unit.Tier ?? string.Empty, warmedUp);
        unit.Tier = tier;
        if (note is not null)
        {
            unit.Notes.Add(note);
        }

        if (code is null)
        {
            unit.Notes.Add("The runtime holds no native code for this method.");
            return;
        }

        unit.CodeSize = code.Size;
        var instructions = IndirectCallNames.Name(AsmDecoder.Decode(code, target), code.Map, ilCode, il.Disassemble);
        unit.Arch = UsedInstructionSets.Describe(instructions);
        unit.AddView(LineAttribution.Asm(instructions, code, points));
    }

    private static SourceDocument SourceFor(InspectionContext context, string? path)
    {
        var known = context.Result.Sources.FirstOrDefault(s => string.Equals(s.Path, path, StringComparison.Ordinal));
        if (known is not null)
        {
            return known;
        }

        var document = path is not null && File.Exists(path)
            ? SourceDocument.FromText(path, File.ReadAllText(path), "csharp")
            : new SourceDocument(path ?? "(unknown source)", [], "csharp");
        context.Result.Sources.Add(document);
        return document;
    }

    private static string TierName(JitTier tier) => tier switch
    {
        JitTier.Tier0 => "Tier0",
        JitTier.Tier1Pgo => "Tier1-PGO",
        _ => "FullOpts",
    };
}
