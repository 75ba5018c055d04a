namespace JitLens.Model;

public enum UnitKind
{
    /// <summary>A method JIT-compiled for the CPU (C# or Numba @njit).</summary>
    CpuMethod,

    /// <summary>A GPU kernel (ILGPU or Numba @cuda.jit).</summary>
    GpuKernel,
}
