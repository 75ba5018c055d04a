using System.Text.RegularExpressions;
using Xunit;

namespace JitLens.Tests.Remarks;

/// <summary>Each Numba remark kind on real Numba output (Debian's python3-numba): where it must appear and where it must not.</summary>
public sealed class NumbaRemarkTests(NumbaRemarksInspection fixture) : IClassFixture<NumbaRemarksInspection>
{
    [Fact]
    public void Should_report_cpython_api_calls_inside_the_loop_that_prints()
    {
        // Given a loop that prints (Numba's print goes through the CPython C API), and a loop that only adds
        var remark = Assert.Single(fixture.Unit("chatty").Remarks, r => r.Kind == "python-api");

        // Then the print line names the C API functions it calls; the adding loop has no such remark
        Assert.Equal(NumbaRemarksInspection.Line("print(i)"), remark.Line);
        Assert.Contains("PyLong_FromLongLong", remark.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Unit("running").Remarks, r => r.Kind == "python-api");
    }

    [Fact]
    public void Should_report_an_array_allocated_and_released_in_every_iteration()
    {
        // Given a loop that makes a new array per iteration, and a function that makes its one array before its loop
        var fresh = fixture.Unit("fresh_rows");
        var saxpy = fixture.Unit("saxpy");

        // Then the first allocates inside a loop and counts references there; the second allocates outside any loop
        var allocation = Assert.Single(fresh.Remarks, r => r.Kind == "allocation");
        Assert.Equal(NumbaRemarksInspection.Line("row = np.ones(4)"), allocation.Line);
        Assert.True(allocation.InLoop);
        Assert.Contains(fresh.Remarks, r => r.Kind == "refcount" && r.Message.Contains("NRT_decref", StringComparison.Ordinal));
        Assert.False(Assert.Single(saxpy.Remarks, r => r.Kind == "allocation").InLoop);
        Assert.DoesNotContain(saxpy.Remarks, r => r.Kind == "refcount");
        Assert.Contains("allocation inside a loop", fresh.RemarkSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_the_loop_llvm_vectorised_and_not_a_floating_point_reduction()
    {
        // Given an element-wise loop (LLVM vectorises it) and a sum of floats (not reassociated without fastmath)
        var remark = Assert.Single(fixture.Unit("saxpy").Remarks, r => r.Kind == "vectorised");

        // Then the element-wise line is vectorised, with its width and LLVM's vector type; the sum is not
        Assert.Equal(NumbaRemarksInspection.Line("out[i] = a * x[i] + y[i]"), remark.Line);
        Assert.Matches(new Regex(@"(128|256|512)-bit"), remark.Message);
        Assert.Matches(new Regex(@"LLVM IR <\d+ x double>"), remark.Message);
        Assert.DoesNotContain(fixture.Unit("running").Remarks, r => r.Kind == "vectorised");
    }

    [Fact]
    public void Should_report_the_prange_loop_as_parallel_and_no_loop_of_a_serial_function()
    {
        // Given a prange loop under parallel=True, and serial functions
        var remark = Assert.Single(fixture.Unit("row_sums").Remarks, r => r.Kind == "parallel" && r.Line == NumbaRemarksInspection.Line("for i in prange"));

        // Then the prange line is a parallel loop (a parfor), the serial loops are not
        Assert.Contains("parfor #", remark.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Unit("saxpy").Remarks, r => r.Kind == "parallel");
        Assert.DoesNotContain(fixture.Unit("running").Remarks, r => r.Kind == "parallel");
    }

    [Fact]
    public void Should_report_the_loops_Numba_fused_and_the_one_it_could_not_fuse_with_its_reason()
    {
        // Given two array expressions in a row and a prange loop that reads the first one's result, under parallel=True
        var remarks = fixture.Unit("scaled_sum").Remarks;

        // Then the second expression is fused into the first, and the prange loop is not fused with them, for Numba's reason
        var fused = Assert.Single(remarks, r => r.Kind == "fused");
        Assert.Equal(NumbaRemarksInspection.Line("d = c + 1.0"), fused.Line);
        // (Numba numbers parfors per process, so the numbers depend on what was compiled before.)
        Assert.Matches($@"into parallel loop #\d+ \(line {NumbaRemarksInspection.Line("c = a * 2.0 + b")}\)", fused.Message);
        var unfused = Assert.Single(remarks, r => r.Kind == "not-fused");
        Assert.Equal(NumbaRemarksInspection.Line("for j in prange"), unfused.Line);
        Assert.Contains("cross iteration dependency", unfused.Message, StringComparison.Ordinal);

        // And a parallel function with one loop, and a serial one, have neither
        Assert.DoesNotContain(fixture.Unit("row_sums").Remarks, r => r.Kind is "fused" or "not-fused");
        Assert.DoesNotContain(fixture.Unit("saxpy").Remarks, r => r.Kind is "fused" or "not-fused");
    }

    [Fact]
    public void Should_report_a_parallel_loop_nested_in_a_prange_loop_as_run_serially()
    {
        // Given np.zeros (a parallel loop of its own under parallel=True) inside a prange loop
        var remark = Assert.Single(fixture.Unit("scaled_sum").Remarks, r => r.Kind == "serialized");

        // Then it runs serially inside the prange loop, which is a loop; a serial function has no such remark
        Assert.Equal(NumbaRemarksInspection.Line("tmp = np.zeros(3)"), remark.Line);
        Assert.Matches($@"inside parallel loop #\d+ \(line {NumbaRemarksInspection.Line("for j in prange")}\)", remark.Message);
        Assert.True(remark.InLoop);
        Assert.DoesNotContain(fixture.Unit("fresh_rows").Remarks, r => r.Kind == "serialized");
    }

    [Fact]
    public void Should_report_the_allocation_and_the_variable_Numba_hoisted_out_of_the_parallel_loop()
    {
        // Given a prange loop that allocates a fixed-size array and computes a loop-invariant k in every iteration
        var remarks = fixture.Unit("scaled_sum").Remarks.Where(r => r.Kind == "hoisted").ToList();

        // Then both are hoisted out of the loop, the allocation named as one; the lines that use the index are not
        Assert.Equal([NumbaRemarksInspection.Line("tmp = np.zeros(3)"), NumbaRemarksInspection.Line("k = a.shape[0] * 2")], remarks.Select(r => r.Line).Order());
        Assert.Contains(remarks, r => r.Message.StartsWith("the allocation of tmp is hoisted out of parallel loop #", StringComparison.Ordinal));
        Assert.Contains(remarks, r => r.Message.StartsWith("k is hoisted out of parallel loop #", StringComparison.Ordinal));
        Assert.All(remarks, r => Assert.Equal(Model.RemarkEvidence.Exact, r.Evidence));

        // And the serial function that allocates in its loop has nothing hoisted
        Assert.DoesNotContain(fixture.Unit("fresh_rows").Remarks, r => r.Kind == "hoisted");
    }
}
