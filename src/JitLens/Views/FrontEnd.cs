namespace JitLens.Views;

/// <summary>The compilers whose output JitLens captures; each view names the ones that make it.</summary>
public enum FrontEnd
{
    /// <summary>The .NET JIT, run in the JIT host on C# sources, an assembly or a notebook cell.</summary>
    DotnetJit,

    /// <summary>ILGPU, compiling the GPU kernels of C# code in the GPU host.</summary>
    Ilgpu,

    /// <summary>Numba, run by the capture script on Python code.</summary>
    Numba,
}
