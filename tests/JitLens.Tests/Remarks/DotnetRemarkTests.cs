using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Remarks;

/// <summary>Each .NET remark kind on real JIT output: where it must appear and where it must not.</summary>
public sealed class DotnetRemarkTests(DotnetRemarksFixture fixture) : IClassFixture<DotnetRemarksFixture>
{
    [Fact]
    public void Should_report_the_bounds_check_a_loop_up_to_n_keeps_and_name_the_access()
    {
        // Given a loop whose bound is not the array's length (the JIT cannot drop the check)
        var unit = fixture.Unit("SumUpTo");

        // Then the element access line carries an exact bounds-check remark naming a[i], inside a loop
        var remark = Assert.Single(unit.Remarks, r => r.Kind == "bounds-check");
        Assert.Equal(DotnetRemarksFixture.Line("s += a[i];"), remark.Line);
        Assert.Contains("a[i]", remark.Message, StringComparison.Ordinal);
        Assert.Equal(RemarkEvidence.Exact, remark.Evidence);
        Assert.True(remark.InLoop);
        Assert.StartsWith("1 bounds check kept inside a loop", unit.RemarkSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_no_bounds_check_for_a_foreach_over_an_array()
    {
        // Given a foreach over an array, whose checks the JIT removes
        var unit = fixture.Unit("SumAll");

        // Then no bounds check and no cloned loop is reported
        Assert.DoesNotContain(unit.Remarks, r => r.Kind is "bounds-check" or "loop-cloned");
    }

    [Fact]
    public void Should_see_the_loop_of_a_foreach_over_a_list_that_the_jit_enters_at_its_test()
    {
        // Given a foreach over a List<int>: the JIT jumps to the loop's test at the bottom, and the body runs on into it
        var unit = fixture.Unit("SumList");

        // Then the bounds check the list's indexer keeps is reported inside the loop
        var remark = Assert.Single(unit.Remarks, r => r.Kind == "bounds-check");
        Assert.True(remark.InLoop, remark.Message);
        Assert.StartsWith("1 bounds check kept inside a loop", unit.RemarkSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_agree_with_the_runtimes_JitDisasm_on_which_methods_call_the_range_check_helper()
    {
        // Given the runtime's own listing of the same methods, from the same process
        foreach (var method in new[] { "SumUpTo", "SumAll", "Count" })
        {
            var runtimeHasCheck = fixture.RuntimeListings[method].Any(i => i.Contains("CORINFO_HELP_RNGCHKFAIL", StringComparison.Ordinal));

            // Then JitLens reports a bounds check exactly where the runtime's listing calls CORINFO_HELP_RNGCHKFAIL
            Assert.Equal(runtimeHasCheck, fixture.Unit(method).Remarks.Any(r => r.Kind == "bounds-check"));
        }

        Assert.Contains(fixture.RuntimeListings["SumUpTo"], i => i.Contains("CORINFO_HELP_RNGCHKFAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_an_allocation_with_its_type_and_helper_as_the_runtimes_JitDisasm_shows_it()
    {
        // Given a method that creates a List<int>
        var unit = fixture.Unit("MakeList");
        var remark = Assert.Single(unit.Remarks, r => r.Kind == "allocation");

        // Then the remark names the type and the helper, on the line of the new
        Assert.Equal(DotnetRemarksFixture.Line("var list = new List<int>(n);"), remark.Line);
        Assert.Contains("System.Collections.Generic.List<System.Int32>", remark.Message, StringComparison.Ordinal);
        var helper = Assert.Single(new[] { "CORINFO_HELP_NEWSFAST", "CORINFO_HELP_NEWFAST" }, h => remark.Message.Contains(h, StringComparison.Ordinal));

        // And the runtime's own listing of the method calls that same helper
        Assert.Contains(fixture.RuntimeListings["MakeList"], i => i.Contains("call", StringComparison.Ordinal) && i.Contains(helper, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_no_allocation_where_the_runtimes_JitDisasm_calls_no_allocation_helper()
    {
        // Given a loop over integers
        var unit = fixture.Unit("Count");

        // Then neither JitLens nor the runtime's listing shows an allocation
        Assert.DoesNotContain(unit.Remarks, r => r.Kind == "allocation");
        Assert.DoesNotContain(fixture.RuntimeListings["Count"], i => i.Contains("CORINFO_HELP_NEW", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_boxing_where_the_il_boxes_and_the_jit_allocates()
    {
        // Given an int returned as object, and an int formatted without boxing
        var boxed = fixture.Unit("Boxed");
        var formatted = fixture.Unit("Formatted");

        // Then the first has one boxing remark (and no separate allocation), the second none
        var remark = Assert.Single(boxed.Remarks, r => r.Kind == "boxing");
        Assert.Contains("int", remark.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(boxed.Remarks, r => r.Kind == "allocation");
        Assert.DoesNotContain(formatted.Remarks, r => r.Kind == "boxing");
    }

    [Fact]
    public void Should_report_an_interface_call_and_not_a_call_the_jit_devirtualised()
    {
        // Given a call through an interface, and the same call on a sealed class
        var viaInterface = fixture.Unit("AreaOf");
        var onSealed = fixture.Unit("AreaOfSquare");

        // Then the interface call is reported with the method it calls; the sealed one is not a virtual call
        var remark = Assert.Single(viaInterface.Remarks, r => r.Kind == "virtual-call");
        Assert.Contains("Probe.IShape.Area()", remark.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(onSealed.Remarks, r => r.Kind == "virtual-call");
    }

    [Fact]
    public void Should_report_a_write_barrier_for_a_reference_store_and_none_for_an_int_store()
    {
        // Given a store of a reference into a field, and a store of an int
        var remark = Assert.Single(fixture.Unit("Link").Remarks, r => r.Kind == "write-barrier");

        // Then only the reference store is reported, naming the helper
        Assert.Contains("CORINFO_HELP_", remark.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Unit("SetValue").Remarks, r => r.Kind == "write-barrier");
    }

    [Fact]
    public void Should_report_the_static_base_helper_of_a_class_whose_constructor_has_not_run()
    {
        // Given a read of a generic class's static field, inlined for a type argument whose statics nothing initialised
        var unit = fixture.Unit("CountOfStrings");

        // Then the static-base remark is on that line, naming the helper; a method reading no statics has none
        var remark = Assert.Single(unit.Remarks, r => r.Kind == "static-base");
        Assert.Equal(DotnetRemarksFixture.Line("CountOfStrings()"), remark.Line);
        Assert.Contains("StaticBase", remark.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Unit("Count").Remarks, r => r.Kind == "static-base");
    }

    [Fact]
    public void Should_name_a_callee_the_jit_did_not_inline_and_not_one_it_inlined()
    {
        // Given a call to string.Concat (too big to inline) and a call to a one-line helper
        var concat = fixture.Unit("Concat");
        var twice = fixture.Unit("Twice");

        // Then the first names its callee; the inlined helper leaves no call remark
        Assert.Contains(concat.Remarks, r => r.Kind == "call" && r.Message.Contains("System.String.Concat", StringComparison.Ordinal));
        Assert.DoesNotContain(twice.Remarks, r => r.Kind == "call");
    }

    [Fact]
    public void Should_report_vectorised_code_with_its_width_and_not_scalar_floating_point()
    {
        // Given a Vector<int> loop and a scalar float expression (which also uses xmm registers)
        var vector = fixture.Unit("VectorSum");
        var scalar = fixture.Unit("ScalarDot");

        // Then the vector add's line is vectorised, with a width; the scalar code is not
        var remark = Assert.Single(vector.Remarks, r => r.Kind == "vectorised" && r.Line == DotnetRemarksFixture.Line("v += new Vector<int>"));
        Assert.Matches(@"(128|256|512)-bit", remark.Message);
        Assert.DoesNotContain(scalar.Remarks, r => r.Kind == "vectorised");
    }

    [Fact]
    public void Should_infer_a_cloned_loop_from_two_copies_of_one_lines_loop()
    {
        // Given the loop up to n, which the JIT clones into a checked and an unchecked copy, and the foreach, which it does not
        var remark = Assert.Single(fixture.Unit("SumUpTo").Remarks, r => r.Kind == "loop-cloned");

        // Then the clone is reported as inferred, on a line of the loop
        Assert.Equal(RemarkEvidence.Inferred, remark.Evidence);
        Assert.Contains(remark.Line!.Value, new[] { DotnetRemarksFixture.Line("for (int i = 0; i < n; i++)"), DotnetRemarksFixture.Line("s += a[i];") });
        Assert.DoesNotContain(fixture.Unit("SumAll").Remarks, r => r.Kind == "loop-cloned");
    }

    [Fact]
    public void Should_find_no_loop_in_a_method_whose_catch_filter_and_finally_branch_forward()
    {
        // Given a method without a loop whose catch, filter and finally the JIT compiles as funclets, code no path from
        // the method's entry reaches, with forward branches of their own (the filter's test, List.Add's resize check)
        var unit = fixture.Unit("Guarded");
        Assert.Contains(unit.Remarks, r => r.Kind == "call" && r.Message.Contains("AddWithResize", StringComparison.Ordinal));

        // Then no cloned loop is reported and no remark is said to be inside a loop
        Assert.DoesNotContain(unit.Remarks, r => r.Kind == "loop-cloned");
        Assert.DoesNotContain(unit.Remarks, r => r.InLoop);
    }
}
