using System.Reflection;

namespace JitLens.Gpu.Discovery;

/// <summary>A method to compile as a kernel, and the method that loads it (its driver) when the code has one.</summary>
public sealed record KernelReference(MethodInfo Kernel, MethodInfo? Driver);
