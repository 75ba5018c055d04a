using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Numba;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Views;

/// <summary>The request decides once what its inputs are, and every stage that takes inputs goes by that.</summary>
public sealed class InputKindTests
{
    [Theory]
    [InlineData("App.exe")]
    [InlineData("Lib.dll")]
    [InlineData("LIB.DLL")]
    public void Should_start_the_early_jit_host_for_every_kind_of_built_assembly(string input)
    {
        // Given a request for one built assembly, .exe or .dll
        var context = new InspectionContext(new InspectRequest { Inputs = [input] });

        // When the stages look at the request
        // Then it is an assembly: the assembly stage takes it, the JIT host starts early, and neither Roslyn nor Numba runs
        Assert.Equal(InputKind.Assembly, context.Request.InputKind);
        Assert.True(new AssemblyInputStage().AppliesTo(context));
        Assert.True(JitHostLaunchStage.NeedsHost(context));
        Assert.False(new CompileStage().AppliesTo(context));
        Assert.False(new NumbaStage().AppliesTo(context));
    }

    [Theory]
    [InlineData(new[] { "A.cs", "B.cs" }, InputKind.CSharpSources)]
    [InlineData(new[] { "f.py" }, InputKind.Python)]
    [InlineData(new[] { "A.dll", "B.dll" }, InputKind.None)]
    [InlineData(new[] { "A.cs", "f.py" }, InputKind.None)]
    [InlineData(new string[0], InputKind.None)]
    public void Should_name_one_kind_for_inputs_that_go_together_and_none_for_a_mix(string[] inputs, InputKind expected)
    {
        // Given a request for these inputs
        var request = new InspectRequest { Inputs = inputs };

        // When its input kind is read
        // Then it is the one kind they share, or none
        Assert.Equal(expected, request.InputKind);
    }

    [Fact]
    public void Should_run_exactly_one_input_stage_for_python_files()
    {
        // Given a request for a Python file
        var context = new InspectionContext(new InspectRequest { Inputs = ["kernels.py"] });

        // When the stages look at it
        // Then Numba runs, and nothing of the .NET side does
        Assert.True(new NumbaStage().AppliesTo(context));
        Assert.False(new CompileStage().AppliesTo(context));
        Assert.False(new AssemblyInputStage().AppliesTo(context));
        Assert.False(JitHostLaunchStage.NeedsHost(context));
    }
}
