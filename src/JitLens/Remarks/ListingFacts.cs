using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// What the remark kinds of one unit read, worked out once for all of them: which of its listings each compiler's
/// kinds look at, the loops of each listing, and the calls, allocations, range checks, guards and kernel instructions
/// several kinds share. Each part is made the first time a kind asks for it.
/// </summary>
public sealed class ListingFacts
{
    private readonly Dictionary<CodeListing, ListingLoops> _loops = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<DotnetCall>? _calls;
    private IReadOnlyList<DotnetAllocations.Allocation>? _allocations;
    private IReadOnlyList<RangeCheck>? _rangeChecks;
    private IReadOnlyList<GuardedCalls.Guard>? _guards;
    private IReadOnlyList<KernelInstruction>? _kernelInstructions;
    private IReadOnlyList<LlvmCalls.Call>? _llvmCalls;

    private ListingFacts(InspectedUnit unit)
    {
        Unit = unit;
        DotnetAsm = Remarks.DotnetAsm.Listing(unit);
        CpuAsm = unit.Kind == UnitKind.CpuMethod ? unit.Views.GetValueOrDefault(Views.AsmView.Id) : null;
        Kernel = GpuCode.Listing(unit);
    }

    public InspectedUnit Unit { get; }

    /// <summary>The x64 asm of a method JIT-compiled from C#, or null.</summary>
    internal CodeListing? DotnetAsm { get; }

    /// <summary>The x64 asm of any CPU method (the .NET JIT's or Numba's), or null.</summary>
    internal CodeListing? CpuAsm { get; }

    /// <summary>A kernel's lowest-level listing (SASS, else PTX), or null.</summary>
    internal CodeListing? Kernel { get; }

    /// <summary>The calls and tail jumps of the .NET asm, with what they go to.</summary>
    internal IReadOnlyList<DotnetCall> Calls => _calls ??= DotnetCalls();

    /// <summary>The GC-heap allocations of the .NET asm, boxes told apart.</summary>
    internal IReadOnlyList<DotnetAllocations.Allocation> Allocations => _allocations ??= DotnetAsm is null ? [] : DotnetAllocations.In(Unit, Calls);

    /// <summary>The conditional branches of the .NET asm to a block that throws IndexOutOfRangeException.</summary>
    internal IReadOnlyList<RangeCheck> RangeChecks => _rangeChecks ??= DotnetRangeChecks();

    /// <summary>The method-table guards dynamic PGO put before virtual calls in the .NET asm.</summary>
    internal IReadOnlyList<GuardedCalls.Guard> Guards => _guards ??= DotnetAsm is null ? [] : GuardedCalls.Of(DotnetAsm.Instructions, Calls);

    /// <summary>The kernel's instructions split into guard predicate and opcode.</summary>
    internal IReadOnlyList<KernelInstruction> KernelInstructions => _kernelInstructions ??= SplitKernel();

    /// <summary>The calls in a Numba unit's LLVM IR.</summary>
    internal IReadOnlyList<LlvmCalls.Call> LlvmCalls => _llvmCalls ??= Remarks.LlvmCalls.In(this);

    public static ListingFacts Of(InspectedUnit unit) => new(unit);

    /// <summary>The loops of one of the unit's listings, found once however many kinds ask.</summary>
    internal ListingLoops LoopsOf(CodeListing listing)
    {
        if (!_loops.TryGetValue(listing, out var loops))
        {
            loops = ListingLoops.Of(listing);
            _loops[listing] = loops;
        }

        return loops;
    }

    private List<DotnetCall> DotnetCalls()
    {
        if (DotnetAsm is null)
        {
            return [];
        }

        var loops = LoopsOf(DotnetAsm);
        var instructions = DotnetAsm.Instructions;
        var calls = new List<DotnetCall>();
        for (var i = 0; i < instructions.Count; i++)
        {
            if (Remarks.DotnetAsm.CallOperand(instructions[i]) is { } operand)
            {
                calls.Add(new DotnetCall(i, instructions[i], operand, loops.InLoop(i)));
            }
        }

        return calls;
    }

    private List<RangeCheck> DotnetRangeChecks()
    {
        if (DotnetAsm is null)
        {
            return [];
        }

        var instructions = DotnetAsm.Instructions;
        var loops = LoopsOf(DotnetAsm);
        var throwLabels = ThrowBlocks.Labels(instructions, Calls.Where(c => BoundsCheckRemark.IsRangeFailure(c.Operand)).Select(c => c.Index));
        var checks = new List<RangeCheck>();
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Flow == ControlFlowKind.ConditionalBranch && instructions[i].TargetLabel is { } target && throwLabels.TryGetValue(target, out var thrower))
            {
                checks.Add(new RangeCheck(i, thrower, loops.InLoop(i)));
            }
        }

        return checks;
    }

    private List<KernelInstruction> SplitKernel()
    {
        if (Kernel is null)
        {
            return [];
        }

        var loops = LoopsOf(Kernel);
        return Kernel.Instructions.Select((instruction, index) =>
        {
            var (guard, operation) = GpuCode.Split(instruction);
            return new KernelInstruction(index, RemarkLine.Of(instruction), guard, GpuCode.Opcode(operation), loops.InLoop(index));
        }).ToList();
    }

    /// <summary>One call or tail jump of the .NET asm: where it is, what it goes to, and whether it sits in a loop.</summary>
    internal sealed record DotnetCall(int Index, CodeInstruction Instruction, string Operand, bool InLoop)
    {
        public int? Line => RemarkLine.Of(Instruction);

        public string? Helper => Remarks.DotnetAsm.Helper(Operand);

        public string? Callee => Remarks.DotnetAsm.DirectCallee(Operand);
    }

    /// <summary>A kept range check: the branch, the call that throws, and whether the branch sits in a loop.</summary>
    internal sealed record RangeCheck(int Branch, int Thrower, bool InLoop);

    /// <summary>One kernel instruction: its line, guard predicate (<c>%p1</c>, <c>!P0</c>) and opcode with modifiers.</summary>
    internal sealed record KernelInstruction(int Index, int? Line, string? Guard, string Opcode, bool InLoop);
}
