using Iced.Intel;

namespace JitLens.Capture.Asm;

/// <summary>Lets Iced print labels for branch targets inside the method and names (callees, JIT helpers) outside it.</summary>
internal sealed class AsmSymbolResolver : ISymbolResolver
{
    private readonly IReadOnlyDictionary<ulong, string> _labels;
    private readonly INativeSymbols _symbols;

    public AsmSymbolResolver(IReadOnlyDictionary<ulong, string> labels, INativeSymbols symbols)
    {
        _labels = labels;
        _symbols = symbols;
    }

    public bool TryGetSymbol(in Instruction instruction, int operand, int instructionOperand, ulong address, int addressSize, out SymbolResult symbol)
    {
        var kind = instructionOperand >= 0 ? instruction.GetOpKind(instructionOperand) : OpKind.Register;
        if (kind is OpKind.NearBranch16 or OpKind.NearBranch32 or OpKind.NearBranch64)
        {
            if (_labels.TryGetValue(address, out var label))
            {
                symbol = new SymbolResult(address, label);
                return true;
            }

            if (_symbols.CodeName(address) is { } name)
            {
                symbol = new SymbolResult(address, name);
                return true;
            }
        }

        if (kind == OpKind.Memory && instruction.IsIPRelativeMemoryOperand && _labels.TryGetValue(address, out var codeLabel))
        {
            symbol = new SymbolResult(address, codeLabel);
            return true;
        }

        // call/jmp through an indirection cell: name the code the cell points to.
        if (kind == OpKind.Memory && instruction.IsIPRelativeMemoryOperand && instruction.FlowControl is FlowControl.IndirectCall or FlowControl.IndirectBranch
            && _symbols.TryReadPointer(address, out var target) && _symbols.CodeName(target) is { } callee)
        {
            symbol = new SymbolResult(address, callee);
            return true;
        }

        symbol = default;
        return false;
    }
}
