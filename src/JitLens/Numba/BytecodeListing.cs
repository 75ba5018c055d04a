using System.Globalization;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Numba;

/// <summary>The <c>bytecode</c> view: CPython bytecode from <c>dis</c>, one instruction per entry, with jump flow.</summary>
internal static class BytecodeListing
{
    public const string View = BytecodeView.Id;

    public static CodeListing Build(CapturedFunction function)
    {
        var scope = LineScope.Of(function);
        var instructions = function.Bytecode.Select(b =>
        {
            var (line, region) = scope.Classify(b.Line);
            var text = string.Create(CultureInfo.InvariantCulture, $"{b.Offset,4} {b.OpName,-26} {b.ArgRepr}").TrimEnd();
            var flow = FlowOf(b);
            // The offset stays in the text, in decimal as dis prints it and as jump arguments ("to 54") refer to it.
            return new CodeInstruction(text, line, region)
            {
                Label = b.IsJumpTarget ? LabelOf(b.Offset) : null,
                Flow = flow,
                TargetLabel = flow is ControlFlowKind.Branch or ControlFlowKind.ConditionalBranch && b.JumpTarget is { } t ? LabelOf(t) : null,
            };
        });
        return new CodeListing(View, instructions.ToList());
    }

    private static string LabelOf(int offset) => string.Create(CultureInfo.InvariantCulture, $"L{offset}");

    private static ControlFlowKind FlowOf(CapturedBytecode b) => b.OpName switch
    {
        "RETURN_VALUE" or "RETURN_CONST" or "RAISE_VARARGS" or "RERAISE" => ControlFlowKind.Return,
        _ when b.JumpTarget is null => ControlFlowKind.Next,
        "JUMP_FORWARD" or "JUMP_BACKWARD" or "JUMP_ABSOLUTE" or "JUMP_BACKWARD_NO_INTERRUPT" or "JUMP" or "JUMP_NO_INTERRUPT" => ControlFlowKind.Branch,
        // FOR_ITER, POP_JUMP_IF_*, JUMP_IF_*_OR_POP, SEND: jump or fall through.
        _ when b.OpName.StartsWith("SETUP_", StringComparison.Ordinal) => ControlFlowKind.Next,
        _ => ControlFlowKind.ConditionalBranch,
    };
}
