using System.Reflection;

namespace JitLens.Gpu.Compilation;

/// <summary>Kernel display names: <c>Namespace.Type.Method</c>, the same in the model, the CLI's --kernel and the JSON.</summary>
public static class KernelNames
{
    public static string Of(MethodInfo method) =>
        method.DeclaringType is { } type ? $"{(type.FullName ?? type.Name).Replace('+', '.')}.{method.Name}" : method.Name;
}
