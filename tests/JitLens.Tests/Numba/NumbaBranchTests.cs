using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>A function with an if/else, through the real Numba.</summary>
public sealed class NumbaBranchTests
{
    private const string Fixture = "branch.py";

    [Fact]
    public async Task Should_give_the_condition_the_compare_and_each_arm_its_own_call()
    {
        // Given `if x > 1.0: return math.log(x)` else `return math.exp(x) - 1.0`
        var condition = NumbaFixtures.LineOf(Fixture, "if x > 1.0");
        var thenArm = NumbaFixtures.LineOf(Fixture, "math.log(x)");
        var elseArm = NumbaFixtures.LineOf(Fixture, "math.exp(x)");

        // When JitLens inspects the file
        var result = await NumbaFixtures.InspectAsync(Fixture);

        // Then the condition owns the compare and the conditional jump, and each arm its own call
        var unit = Assert.Single(result.Methods);
        Assert.Equal("float64(float64)", unit.Signature);
        Assert.Contains(NumbaFixtures.TextsOn(unit, "llvm", condition), t => t.Contains("fcmp", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "llvm", thenArm), t => t.Contains("call", StringComparison.Ordinal) && t.Contains("log", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "llvm", elseArm), t => t.Contains("call", StringComparison.Ordinal) && t.Contains("exp", StringComparison.Ordinal));
        var conditionAsm = unit.Views["asm"].ForLine(condition).ToList();
        Assert.Contains(conditionAsm, i => i.Text.Contains("ucomisd", StringComparison.Ordinal));
        Assert.Contains(conditionAsm, i => i.Flow == ControlFlowKind.ConditionalBranch && i.TargetLabel is not null);
        Assert.Contains(NumbaFixtures.TextsOn(unit, "asm", thenArm), t => t.StartsWith("call", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "asm", elseArm), t => t.StartsWith("call", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "bytecode", condition), t => t.Contains("POP_JUMP", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "numba_ir", condition), t => t.StartsWith("branch ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_compile_a_signature_given_with_the_signature_option()
    {
        // Given the file only calls soft_log with a float64, and the user asks for float32 too
        // When JitLens inspects it with --signature "soft_log:float32(float32)"
        var result = await NumbaFixtures.InspectAsync(Fixture, ["soft_log:float32(float32)"]);

        // Then both signatures are shown, the added one with its own single-precision code
        Assert.Equal(["float32(float32)", "float64(float64)"], result.Methods.Select(m => m.Signature).Order(StringComparer.Ordinal));
        var single = Assert.Single(result.Methods, m => m.Signature == "float32(float32)");
        Assert.Contains(NumbaFixtures.TextsOn(single, "llvm", NumbaFixtures.LineOf(Fixture, "if x > 1.0")), t => t.Contains("fcmp", StringComparison.Ordinal) && t.Contains("float", StringComparison.Ordinal));
    }
}
