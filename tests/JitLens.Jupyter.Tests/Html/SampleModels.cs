using JitLens.Model;

namespace JitLens.Jupyter.Tests.Html;

/// <summary>Hand-built models in the shape the pipeline produces, so the view is tested without a JIT.</summary>
internal static class SampleModels
{
    public const string CSharpSource = """
        using System;

        static class Demo
        {
            // Sums the array.
            public static int Sum(int[] values)
            {
                var total = 0;
                foreach (var v in values)
                {
                    total += v;
                }
                return total;
            }

            public static string Greet(string name) => $"Hello, {name}";
        }
        """;

    public const string KernelSource = """
        static void Scale(Index1D i, ArrayView<float> data, float factor)
        {
            data[i] = data[i] * factor;
        }
        """;

    public static InspectionResult TwoMethodsAndAKernel()
    {
        var source = SourceDocument.FromText("Demo.cs", CSharpSource, "csharp");
        var kernelSource = SourceDocument.FromText("Kernels.cs", KernelSource, "csharp");
        var result = new InspectionResult();
        result.Sources.Add(source);
        result.Sources.Add(kernelSource);
        result.Methods.Add(Sum(source));
        result.Methods.Add(Greet(source));
        result.Kernels.Add(Scale(kernelSource));
        return result;
    }

    /// <summary>Two methods of one file, as a C# cell or a Python file with two functions gives.</summary>
    public static InspectionResult TwoMethodsOfOneFile()
    {
        var source = SourceDocument.FromText("Demo.cs", CSharpSource, "csharp");
        var result = new InspectionResult();
        result.Sources.Add(source);
        result.Methods.Add(Sum(source));
        result.Methods.Add(Greet(source));
        return result;
    }

    public static InspectionResult PythonFunction()
    {
        var source = SourceDocument.FromText("dot.py", "from numba import njit\n\n@njit\ndef dot(a, b):\n    s = 0.0\n    for i in range(a.size):\n        s += a[i] * b[i]\n    return s\n", "python");
        var unit = new InspectedUnit("dot", UnitKind.CpuMethod, source) { Signature = "(float64[:], float64[:])" };
        unit.AddView(new CodeListing("bytecode", [new("LOAD_CONST 0.0", 5), new("STORE_FAST s", 5), new("BINARY_MULTIPLY", 7), new("RETURN_VALUE", 8)]));
        unit.AddView(new CodeListing("llvm", [new("define double @dot(...)", null, CodeRegion.Header), new("%.5 = fmul double %a, %b", 7), new("ret double %s", 8)]));
        var result = new InspectionResult();
        result.Sources.Add(source);
        result.Methods.Add(unit);
        return result;
    }

    private static InspectedUnit Sum(SourceDocument source)
    {
        var unit = new InspectedUnit("Demo.Sum(int[])", UnitKind.CpuMethod, source) { Tier = "FullOpts", CodeSize = 41, LineRange = (7, 14) };
        unit.AddView(new CodeListing("il",
        [
            new("IL_0000: ldc.i4.0", 8, Offset: 0), new("IL_0001: stloc.0", 8, Offset: 1),
            new("IL_0002: ldarg.0", 9, Offset: 2), new("IL_0003: stloc.1", 9, Offset: 3),
            new("IL_000a: ldloc.0", 11, Offset: 10), new("IL_000b: ldloc.3", 11, Offset: 11), new("IL_000c: add", 11, Offset: 12), new("IL_000d: stloc.0", 11, Offset: 13),
            new("IL_0018: ldloc.0", 13, Offset: 24), new("IL_0019: ret", 13, Offset: 25),
        ]));
        unit.AddView(new CodeListing("asm",
        [
            new("push rbp", null, CodeRegion.Prolog, 0), new("mov rbp, rsp", null, CodeRegion.Prolog, 1),
            new("xor eax, eax", 8, Offset: 4),
            new("xor ecx, ecx", 9, Offset: 6), new("mov edx, dword ptr [rdi+0x08]", 9, Offset: 8),
            new("add eax, dword ptr [rdi+4*rcx+0x10]", 11, Offset: 16) { Label = "G_M000_IG03" }, new("inc ecx", 11, Offset: 20),
            new("cmp edx, ecx", 9, Offset: 22), new("jg SHORT G_M000_IG03", 9, Offset: 24) { Flow = ControlFlowKind.ConditionalBranch, TargetLabel = "G_M000_IG03" },
            new("nop", null, CodeRegion.Unmapped, 26),
            new("pop rbp", null, CodeRegion.Epilog, 27), new("ret", 13, Offset: 28) { Flow = ControlFlowKind.Return },
        ]));
        unit.Cfg = new ControlFlowGraph("asm",
            [new BasicBlock("B0", [8, 9], ["xor eax, eax", "xor ecx, ecx"]), new BasicBlock("B1", [11], ["add eax, ...", "inc ecx"]), new BasicBlock("B2", [13], ["pop rbp", "ret"])],
            [new ControlFlowEdge("B0", "B1"), new ControlFlowEdge("B1", "B1", ControlFlowEdgeKind.Back), new ControlFlowEdge("B1", "B2", ControlFlowEdgeKind.FallThrough)])
        {
            Drawing = new ControlFlowGraphDrawing(
                """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 220 260" width="220" height="260">
                <g class="cfg-block" data-block="B0" data-lines="8 9"><rect x="10" y="10" width="200" height="50"/><text x="20" y="40">B0</text></g>
                <g class="cfg-block" data-block="B1" data-lines="11"><rect x="10" y="100" width="200" height="50"/><text x="20" y="130">B1</text></g>
                <g class="cfg-block" data-block="B2" data-lines="13"><rect x="10" y="190" width="200" height="50"/><text x="20" y="220">B2</text></g>
                <path class="cfg-edge" data-from="B0" data-to="B1" d="M110 60 L110 100"/>
                <path class="cfg-edge" data-from="B1" data-to="B2" d="M110 150 L110 190"/>
                </svg>
                """,
                220,
                260),
        };
        return unit;
    }

    private static InspectedUnit Greet(SourceDocument source)
    {
        var unit = new InspectedUnit("Demo.Greet(string)", UnitKind.CpuMethod, source) { Tier = "FullOpts" };
        unit.AddView(new CodeListing("il", [new("IL_0000: ldstr \"Hello, \"", 16, Offset: 0), new("IL_0005: ldarg.0", 16, Offset: 5), new("IL_000b: ret", 16, Offset: 11)]));
        unit.AddView(new CodeListing("asm", [new("mov rsi, rdi", 16, Offset: 0), new("jmp System.String:Concat(System.String,System.String):System.String", 16, Offset: 3)]));
        return unit;
    }

    private static InspectedUnit Scale(SourceDocument source)
    {
        var unit = new InspectedUnit("Scale", UnitKind.GpuKernel, source) { Arch = "sm_80" };
        unit.AddView(new CodeListing("ptx",
        [
            new(".visible .entry Scale(", null, CodeRegion.Header),
            new("ld.global.f32 %f1, [%rd4];", 3), new("mul.f32 %f2, %f1, %f3;", 3), new("st.global.f32 [%rd4], %f2;", 3),
            new("ret;", 4) { Flow = ControlFlowKind.Return },
        ]));
        unit.Notes.Add("SASS needs ptxas and nvdisasm from the CUDA toolkit, which this machine lacks.");
        return unit;
    }
}
