using JitLens.Gpu.Compilation;
using JitLens.Gpu.Ptx;
using JitLens.Gpu.Toolkit;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Gpu;

public class GpuTargetTests
{
    [Theory]
    [InlineData("sm_75", 7, 5)]
    [InlineData("SM_80", 8, 0)]
    [InlineData("sm_86", 8, 6)]
    [InlineData("sm_90", 9, 0)]
    public void Should_parse_the_architectures_the_cli_offers(string arch, int major, int minor)
    {
        // Given --arch in any case
        // When parsed
        var target = GpuTarget.Parse(arch);

        // Then it names that architecture, spelled as in the model
        Assert.Equal((major, minor), (target.Architecture.Major, target.Architecture.Minor));
        Assert.Equal(arch.ToLowerInvariant(), target.Arch);
    }

    [Fact]
    public void Should_choose_the_ptx_isa_from_the_cuda_version_so_that_an_older_ptxas_accepts_it()
    {
        // Given the same architecture for a CUDA 12.4 toolkit and for a CUDA 12.0 one
        // When parsed
        var recent = GpuTarget.Parse("sm_90", new Version(12, 4));
        var older = GpuTarget.Parse("sm_90", new Version(12, 0));

        // Then each gets the ISA that toolkit's ptxas reads: 8.4 and 8.0
        Assert.Equal((8, 4), (recent.InstructionSet.Major, recent.InstructionSet.Minor));
        Assert.Equal((8, 0), (older.InstructionSet.Major, older.InstructionSet.Minor));
    }

    [Fact]
    public void Should_use_the_newest_isa_ilgpu_knows_for_a_toolkit_newer_than_ilgpu()
    {
        // Given a CUDA 13.9 toolkit, newer than ILGPU 1.5.3 knows
        // When parsed
        var target = GpuTarget.Parse("sm_90", new Version(13, 9));

        // Then the PTX gets an ISA ILGPU can write, which a newer ptxas reads too
        Assert.True(target.InstructionSet.Major >= 8);
    }

    [Fact]
    public void Should_default_to_sm_90()
    {
        // Given no --arch
        // When parsed
        // Then a recent architecture is used
        Assert.Equal("sm_90", GpuTarget.Parse(null).Arch);
    }

    [Fact]
    public void Should_read_the_cuda_version_from_ptxas()
    {
        // Given what ptxas --version prints
        const string output = "ptxas: NVIDIA (R) Ptx optimizing assembler\nCopyright (c) 2005-2024 NVIDIA Corporation\nCuda compilation tools, release 12.4, V12.4.131\n";

        // When read
        // Then
        Assert.Equal(new Version(12, 4), CudaToolkit.ParseVersion(output));
    }

    [Fact]
    public void Should_strip_the_debug_target_and_section_so_that_the_ptx_is_the_one_that_runs_but_keep_loc_lines()
    {
        // Given PTX as ILGPU writes it with source annotations
        const string ptx = ".version 8.4\n.target sm_80, debug\n.address_size 64\n.loc\t1 10 9\nret;\n.file\t1 \"K.cs\"\n.section.debug_info { }\n";

        // When made into the PTX the kernel runs as (shown, and given to ptxas)
        var prepared = RunnablePtx.Of(ptx);

        // Then
        Assert.Equal(".version 8.4\n.target sm_80\n.address_size 64\n.loc\t1 10 9\nret;\n.file\t1 \"K.cs\"\n", prepared);
    }

    [Fact]
    public void Should_reject_a_non_cuda_architecture()
    {
        // Given / When / Then
        var error = Assert.Throws<InspectionException>(() => GpuTarget.Parse("sm_x"));
        Assert.Equal("--arch sm_x: expected an architecture such as sm_75, sm_80, sm_86 or sm_90.", error.Message);
    }
}
