using JitLens.Gpu.LineInfo;
using JitLens.Gpu.Ptx;
using JitLens.Gpu.Sass;
using JitLens.Model;
using JitLens.Numba;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>The listing parsers on short samples of the formats LLVM, NVVM and nvdisasm write.</summary>
public sealed class AssemblyListingTests
{
    private static readonly LineScope Scope = new(FirstLine: 4, DefLine: 5, LastLine: 9);

    [Fact]
    public void Should_cut_the_x86_function_out_of_the_module_with_lines_labels_and_jumps()
    {
        // Given AT&T asm with the function, a .loc for another file, a loop label and Numba's wrapper after it
        const string Asm = """
                .file 1 "/src/f.py"
                .file 2 "/other/g.py"
            fn:
            .Lfunc_begin0:
                .loc 1 5 0
                movq 16(%rsp), %rax
                .loc 1 7 1 prologue_end
                testq %rax, %rax # a comment
                jle .LBB0_2
            .Ltmp0:
            .LBB0_1:
                .loc 1 8 1
                vaddsd (%rcx), %xmm0, %xmm0
                .loc 2 3 1
                nop
                .loc 1 7 1
                jne .LBB0_1
            .LBB0_2:
                .loc 1 0 0
                jmp helper
            .Lfunc_end0:
            wrapper:
                retq
            """;

        // When it is read as the asm view of fn in /src/f.py
        var listing = X86AsmListing.Build(Asm, "fn", "/src/f.py", Scope, new Dictionary<int, int>());

        // Then only fn's instructions appear, at their lines, with labels, jumps and the tail call as an exit
        Assert.Equal(
            [
                ("movq 16(%rsp), %rax", (int?)5, CodeRegion.Prolog, null, ControlFlowKind.Next, null),
                ("testq %rax, %rax", 7, CodeRegion.Body, null, ControlFlowKind.Next, null),
                ("jle .LBB0_2", 7, CodeRegion.Body, null, ControlFlowKind.ConditionalBranch, ".LBB0_2"),
                ("vaddsd (%rcx), %xmm0, %xmm0", 8, CodeRegion.Body, ".LBB0_1", ControlFlowKind.Next, null),
                ("nop", null, CodeRegion.Unmapped, null, ControlFlowKind.Next, null),
                ("jne .LBB0_1", 7, CodeRegion.Body, null, ControlFlowKind.ConditionalBranch, ".LBB0_1"),
                ("jmp helper", null, CodeRegion.Unmapped, ".LBB0_2", ControlFlowKind.Return, (string?)null),
            ],
            listing.Instructions.Select(i => (i.Text, i.Line, i.Region, i.Label, i.Flow, i.TargetLabel)));
    }

    [Fact]
    public void Should_put_LLVM_code_inlined_from_a_function_of_the_file_at_its_line_and_name_the_calling_line()
    {
        // Given LLVM IR where an fmul comes from g (line 22 of the same file) inlined at line 8, an fadd from a library
        // file inlined at line 9 and a dbg.value intrinsic
        const string Ir = """
            define i32 @fn(double %x) !dbg !4 {
            entry:
              call void @llvm.dbg.value(metadata double %x, metadata !9, metadata !DIExpression()), !dbg !10
              %a = fmul double %x, %x, !dbg !11
              %b = fadd double %a, %x, !dbg !14
              ret i32 0, !dbg !13
            }
            define i32 @other() {
              ret i32 1
            }
            !1 = !DIFile(filename: "f.py", directory: "/src")
            !2 = !DIFile(filename: "arrayobj.py", directory: "/lib/numba/np")
            !4 = distinct !DISubprogram(name: "fn", linkageName: "fn", scope: !1, file: !1, line: 5)
            !5 = distinct !DISubprogram(name: "g", linkageName: "g", scope: !1, file: !1, line: 21)
            !6 = distinct !DISubprogram(name: "impl", linkageName: "impl", scope: !2, file: !2, line: 4100)
            !10 = !DILocation(line: 0, scope: !4)
            !11 = !DILocation(line: 22, column: 1, scope: !5, inlinedAt: !12)
            !12 = distinct !DILocation(line: 8, column: 1, scope: !4)
            !13 = !DILocation(line: 9, column: 1, scope: !4)
            !14 = !DILocation(line: 4101, column: 1, scope: !6, inlinedAt: !13)
            """;

        // When it is read as the llvm view of fn in /src/f.py
        var listing = LlvmIrListing.Build(Ir, "fn", "/src/f.py", Scope);

        // Then g's fmul sits at g's line and names line 8 as its call, the library's fadd belongs to line 9 that asked
        // for it; define/} are headers, the intrinsic and other functions are left out
        Assert.Equal(
            [
                ("define i32 @fn(double %x) {", (int?)null, (int?)null, CodeRegion.Header, (string?)null),
                ("%a = fmul double %x, %x", 22, 8, CodeRegion.Body, "entry"),
                ("%b = fadd double %a, %x", 9, null, CodeRegion.Body, null),
                ("ret i32 0", 9, null, CodeRegion.Body, null),
                ("}", null, null, CodeRegion.Header, null),
            ],
            listing.Instructions.Select(i => (i.Text, i.Line, i.InlinedAt, i.Region, i.Label)));
        Assert.Equal(new Dictionary<int, int> { [22] = 8 }, LlvmIrListing.InlineSites(listing));
    }

    [Fact]
    public void Should_read_PTX_lines_labels_and_predicated_branches()
    {
        // Given PTX as NVVM writes it with line info
        const string Ptx = """
            .file 1 "/src/f.py"
            .visible .entry _Z5scale(
                .param .u64 p0
            )
            {
                .reg .f32 %f<3>;
                .loc 1 6 1
                setp.ge.s32 %p1, %r1, %r2;
                @%p1 bra $L__BB0_2;
                .loc 1 8 1
                mul.f32 %f2, %f1, %f0;
            $L__BB0_2:
                ret;
            }
            """;

        // When it is read as the ptx view
        var listing = CarriedLabels.Of(PtxListingParser.ParseFunction(Ptx, Scope.In("/src/f.py"), null), keepDeclarations: false);

        // Then instructions carry their lines, the predicated bra is conditional and ret leaves the kernel
        Assert.Equal(
            [
                ("setp.ge.s32 %p1, %r1, %r2;", (int?)6, (string?)null, ControlFlowKind.Next, (string?)null),
                ("@%p1 bra $L__BB0_2;", 6, null, ControlFlowKind.ConditionalBranch, "$L__BB0_2"),
                ("mul.f32 %f2, %f1, %f0;", 8, null, ControlFlowKind.Next, null),
                ("ret;", 8, "$L__BB0_2", ControlFlowKind.Return, null),
            ],
            listing.Instructions.Select(i => (i.Text, i.Line, i.Label, i.Flow, i.TargetLabel)));
    }

    [Fact]
    public void Should_read_SASS_line_comments_offsets_and_branches_from_nvdisasm()
    {
        // Given `nvdisasm -g -c` output
        const string Sass = """
                    //## File "/src/f.py", line 6
                    /*0000*/                   ISETP.GE.AND P0, PT, R0, c[0x0][0x170], PT ;
                    /*0010*/               @P0 BRA `(.L_x_0) ;
                    //## File "/src/f.py", line 8
                    /*0020*/                   FMUL R5, R2, c[0x0][0x180] ;
            .L_x_0:
                    /*0030*/                   EXIT ;
            """;

        // When it is read as the sass view
        var listing = CarriedLabels.Of(SassListingParser.Parse(Sass, Scope.In("/src/f.py")), keepDeclarations: false);

        // Then each instruction has its line and offset, the predicated BRA is conditional and EXIT leaves
        Assert.Equal(
            [
                ("ISETP.GE.AND P0, PT, R0, c[0x0][0x170], PT", (int?)6, (long?)0x00, ControlFlowKind.Next, (string?)null),
                ("@P0 BRA `(.L_x_0)", 6, 0x10, ControlFlowKind.ConditionalBranch, ".L_x_0"),
                ("FMUL R5, R2, c[0x0][0x180]", 8, 0x20, ControlFlowKind.Next, null),
                ("EXIT", 8, 0x30, ControlFlowKind.Return, null),
            ],
            listing.Instructions.Select(i => (i.Text, i.Line, i.Offset, i.Flow, i.TargetLabel)));
    }
}
