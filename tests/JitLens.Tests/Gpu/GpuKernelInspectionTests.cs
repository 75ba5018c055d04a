using JitLens.Gpu.Toolkit;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Tests.Gpu.Support;
using Xunit;

namespace JitLens.Tests.Gpu;

/// <summary>ILGPU kernels end to end without a GPU or CUDA toolkit: found, compiled in the child host, mapped, run.</summary>
public class GpuKernelInspectionTests : IClassFixture<GpuKernelInspectionTests.Inspected>
{
    private readonly Inspected _inspected;

    public GpuKernelInspectionTests(Inspected inspected)
    {
        _inspected = inspected;
    }

    private InspectedUnit Kernel(string name) => _inspected.Context.Result.Kernels.Single(k => k.Name == "Samples.Kernels." + name);

    [Fact]
    public void Should_find_implicitly_and_explicitly_grouped_kernels_from_their_load_calls()
    {
        // Given a file that loads Clamp and RowSums (auto-grouped) and Twice (explicitly grouped), and never loads Scale
        // When it is inspected
        var kernels = _inspected.Context.Result.Kernels;

        // Then exactly the three loaded kernels are GPU units for the default architecture
        Assert.Equal(["Samples.Kernels.Clamp", "Samples.Kernels.RowSums", "Samples.Kernels.Twice"], kernels.Select(k => k.Name).Order());
        Assert.All(kernels, k => Assert.Equal((UnitKind.GpuKernel, "sm_90"), (k.Kind, k.Arch)));
    }

    [Fact]
    public void Should_show_the_ptx_the_kernel_runs_as_and_say_which_target_ilgpu_wrote_it_for()
    {
        // Given the Clamp kernel inspected for sm_90, with the source annotations line info needs
        var clamp = Kernel("Clamp");
        var ptx = clamp.Views["ptx"].Instructions.Select(i => i.Text).ToList();

        // Then its PTX is free of the debug marks a launched kernel has not (they make ptxas skip optimisation)
        Assert.Contains(ptx, t => t.StartsWith(".target sm_", StringComparison.Ordinal));
        Assert.DoesNotContain(ptx, t => t.Contains(", debug", StringComparison.Ordinal) || t.Contains(".debug_info", StringComparison.Ordinal));

        // And as ILGPU 1.5.3 writes .target sm_80 at most, a note says so rather than passing one arch off as the other
        Assert.Contains(".target sm_80", ptx);
        Assert.Contains("ILGPU writes this PTX for .target sm_80 (the newest it knows); on sm_90 the driver compiles it for the GPU, and SASS is made for sm_90.", clamp.Notes);
    }

    [Fact]
    public void Should_put_the_compare_and_predicated_branch_of_an_if_under_the_if_line()
    {
        // Given the Clamp kernel
        var clamp = Kernel("Clamp");
        var ifLine = KernelInspection.LineOf(clamp, "if (data[i] > limit)");
        var storeLine = KernelInspection.LineOf(clamp, "data[i] = limit;");

        // When its PTX is read per line
        var atIf = KernelInspection.At(clamp, "ptx", ifLine);
        var atStore = KernelInspection.At(clamp, "ptx", storeLine);

        // Then the if line owns the load, the compare setting a predicate and the branch on it; the store line the store
        Assert.Contains(atIf, t => t.StartsWith("ld.b32", StringComparison.Ordinal));
        Assert.Contains(atIf, t => t.StartsWith("setp.", StringComparison.Ordinal) && t.Contains("%p", StringComparison.Ordinal));
        Assert.Contains(atIf, t => t.StartsWith("@%p", StringComparison.Ordinal) && t.Contains(" bra ", StringComparison.Ordinal));
        Assert.Contains(atStore, t => t.StartsWith("st.b32", StringComparison.Ordinal));
        Assert.DoesNotContain(atStore, t => t.StartsWith("setp.", StringComparison.Ordinal));

        // And the implicit bounds check ILGPU adds before the first line is kept as prolog, not dropped
        Assert.Contains(clamp.Views["ptx"].InRegion(CodeRegion.Prolog), i => i.Text.StartsWith("@%p1 ret", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_map_the_clamp_kernels_ptx_exactly_as_the_snapshot_says()
    {
        // Given the Clamp kernel's per-line PTX, labels and parameter ids masked
        var actual = PtxSnapshot.Of(Kernel("Clamp")).ReplaceLineEndings("\n");

        // When compared with the snapshot (input and expected output side by side in Gpu/Snapshots)
        var expected = PtxSnapshot.Expected("Clamp.ptx.txt", actual);

        // Then every instruction sits where it sat when the snapshot was reviewed
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Should_put_the_loop_body_arithmetic_under_the_body_line_and_give_the_loop_a_back_edge()
    {
        // Given the RowSums kernel
        var rowSums = Kernel("RowSums");
        var bodyLine = KernelInspection.LineOf(rowSums, "sum += matrix");
        var loopLine = KernelInspection.LineOf(rowSums, "for (var j = 0");

        // When its PTX is read per line
        var body = KernelInspection.At(rowSums, "ptx", bodyLine);

        // Then the body line owns the element load and the accumulating add, the loop line the compare
        Assert.Contains(body, t => t.StartsWith("ld.b32", StringComparison.Ordinal));
        Assert.Contains(body, t => t.StartsWith("add.s32", StringComparison.Ordinal));
        Assert.Contains(KernelInspection.At(rowSums, "ptx", loopLine), t => t.StartsWith("setp.lt.s32", StringComparison.Ordinal));

        // And its CFG, built from PTX (no SASS here), has a back edge into a block of the loop line
        var cfg = rowSums.Cfg!;
        Assert.Equal("ptx", cfg.View);
        var back = Assert.Single(cfg.Edges, e => e.Kind == ControlFlowEdgeKind.Back);
        Assert.Contains(loopLine, cfg.Blocks.Single(b => b.Id == back.To).Lines);
        Assert.Contains(bodyLine, cfg.Blocks.Single(b => b.Id == back.From).Lines);
        Assert.Contains("class=\"cfg-block\"", cfg.Svg!, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_carry_each_ptx_label_on_the_instruction_it_names_so_a_lines_code_is_not_split_by_labels()
    {
        // Given the RowSums kernel, whose PTX writes each label on a line of its own
        var rowSums = Kernel("RowSums");
        var ptx = rowSums.Views["ptx"];
        var targets = ptx.Instructions.Select(i => i.TargetLabel).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(targets);

        // Then every label a branch names is carried by an instruction of the code, none is left among the declarations
        var carried = ptx.Instructions.Where(i => i.Region != CodeRegion.Header && i.Label is not null).Select(i => i.Label!).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(carried, targets);
        Assert.DoesNotContain(ptx.Instructions, i => i.Region == CodeRegion.Header && i.Label is { } l && targets.Contains(l));

        // And the loop line's code, which its labels used to cut into pieces, reads as runs of real neighbours only
        var loopLine = KernelInspection.LineOf(rowSums, "for (var j = 0");
        var runs = ptx.RunsForLine(loopLine);
        Assert.All(runs.Skip(1), run => Assert.NotEqual(CodeRegion.Header, ptx.Instructions[ptx.Instructions.ToList().IndexOf(run[0]) - 1].Region));
    }

    [Fact]
    public void Should_show_the_ir_after_generation_and_after_optimisation_with_each_value_on_its_line()
    {
        // Given the RowSums kernel
        var rowSums = Kernel("RowSums");
        var bodyLine = KernelInspection.LineOf(rowSums, "sum += matrix");

        // When its IR views are read
        // Then both stages are there, and the body line owns a load and an add in each
        foreach (var view in new[] { "ir_generated", "ir" })
        {
            var atBody = KernelInspection.At(rowSums, view, bodyLine);
            Assert.Contains(atBody, t => t.StartsWith("ld_", StringComparison.Ordinal));
            Assert.Contains(atBody, t => t.StartsWith("arith.bin.Add", StringComparison.Ordinal));
        }

        // And optimisation changed the code (the generated IR indexes the view, the optimised IR adds to its pointer)
        Assert.NotEqual(
            rowSums.Views["ir_generated"].Instructions.Select(i => i.Text).Where(t => t.StartsWith("lea", StringComparison.Ordinal)).Select(t => t.Split(':')[1]),
            rowSums.Views["ir"].Instructions.Select(i => i.Text).Where(t => t.StartsWith("lea", StringComparison.Ordinal)).Select(t => t.Split(':')[1]));
    }

    [Fact]
    public void Should_run_the_kernels_on_the_cpu_accelerator_through_the_code_that_launches_them()
    {
        // Given the three kernels, launched by Kernels.Run() on clamp → row sums → twice
        // When inspected
        // Then each kernel notes the run, with Run()'s correct result: rows (1+2+3, 4+10+10, 7+8+9) doubled
        foreach (var kernel in _inspected.Context.Result.Kernels)
        {
            Assert.Contains("Ran on ILGPU's CPU accelerator through Samples.Kernels.Run(): returned [12, 48, 48].", kernel.Notes);
            Assert.Contains("Samples.Kernels.Run() printed: ran on CPU", kernel.Notes);
        }
    }

    [SkippableFact]
    public void Should_say_in_one_sentence_what_to_install_when_sass_is_asked_for_without_a_toolkit()
    {
        Skip.If(CudaToolkit.Find() is not null, "the CUDA toolkit is installed here, so SASS is produced instead");

        // Given the inspection asked for SASS
        // When no toolkit is on PATH
        // Then the run says so once, naming what to install, and every other view is still there
        Assert.Single(_inspected.Context.Result.Notes, n => n == CudaToolkit.Missing);
        Assert.Contains("install the CUDA toolkit", CudaToolkit.Missing, StringComparison.Ordinal);
        Assert.All(_inspected.Context.Result.Kernels, k => Assert.True(k.Views.ContainsKey("ptx") && !k.Views.ContainsKey("sass")));
    }

    [Fact]
    public async Task Should_add_kernels_named_by_pattern_that_no_load_call_mentions()
    {
        // Given Scale, which the file never loads
        // When inspected with --kernel "*Scale"
        var context = await KernelInspection.RunAsync("Kernels.cs", ["ptx"], arch: "sm_75", kernelPattern: "*Scale");

        // Then it is a kernel too, compiled for sm_75, its multiply under its line, and it notes that nothing ran it
        var scale = context.Result.Kernels.Single(k => k.Name == "Samples.Kernels.Scale");
        Assert.Equal("sm_75", scale.Arch);
        Assert.Contains(KernelInspection.At(scale, "ptx", KernelInspection.LineOf(scale, "data[i] *= factor")), t => t.StartsWith("mul.f32", StringComparison.Ordinal));
        Assert.Equal(4, context.Result.Kernels.Count);
        Assert.DoesNotContain(scale.Notes, n => n.StartsWith("Ran", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_reject_an_unknown_architecture_in_one_sentence()
    {
        // Given --arch sm_x
        // When inspected
        var error = await Assert.ThrowsAsync<InspectionException>(() => KernelInspection.RunAsync("Kernels.cs", ["ptx"], arch: "gfx90a"));

        // Then
        Assert.Equal("--arch gfx90a: expected an architecture such as sm_75, sm_80, sm_86 or sm_90.", error.Message);
    }

    /// <summary>One inspection shared by the tests that only read it: each one starts a child process.</summary>
    public sealed class Inspected : IAsyncLifetime
    {
        public InspectionContext Context { get; private set; } = null!;

        public async Task InitializeAsync() => Context = await KernelInspection.RunAsync("Kernels.cs", ["ir", "ir_generated", "ptx", "sass", "cfg"]);

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
