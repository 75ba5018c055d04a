using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using JitLens.Gpu.Compilation;

namespace JitLens.Gpu.Discovery;

/// <summary>
/// Finds kernels the way the code uses them: every <c>accelerator.Load*Kernel(Method)</c> call compiles to
/// <c>ldftn Method</c> followed by a call to an ILGPU <c>Load…Kernel</c> method, implicitly or explicitly grouped alike.
/// Methods named by <c>--kernel PATTERN</c> are added to those.
/// </summary>
public static class KernelFinder
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<KernelReference> Find(Assembly assembly, string? kernelPattern)
    {
        var found = new List<KernelReference>();
        var methods = TypesOf(assembly).SelectMany(t => t.GetMethods(Everything)).ToList();
        foreach (var method in methods)
        {
            foreach (var kernel in LoadedKernels(method))
            {
                if (!found.Any(f => f.Kernel == kernel))
                {
                    found.Add(new KernelReference(kernel, method));
                }
            }
        }

        if (kernelPattern is not null)
        {
            var pattern = Glob(kernelPattern);
            found.AddRange(methods
                .Where(m => m.IsStatic && m.ReturnType == typeof(void) && !m.IsSpecialName)
                .Where(m => pattern.IsMatch(KernelNames.Of(m)) || pattern.IsMatch(m.Name))
                .Where(m => !found.Any(f => f.Kernel == m))
                .Select(m => new KernelReference(m, null)));
        }

        return found;
    }

    private static IEnumerable<MethodInfo> LoadedKernels(MethodInfo method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or BadImageFormatException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        MethodInfo? lastFunction = null;
        foreach (var (opCode, token) in IlInstructions.Read(il))
        {
            if (opCode == OpCodes.Ldftn)
            {
                lastFunction = Resolve(method, token) as MethodInfo;
            }
            else if ((opCode == OpCodes.Call || opCode == OpCodes.Callvirt) && lastFunction is not null
                     && Resolve(method, token) is { } callee && IsKernelLoader(callee))
            {
                yield return lastFunction;
                lastFunction = null;
            }
        }
    }

    private static bool IsKernelLoader(MethodBase callee) =>
        callee.Name.StartsWith("Load", StringComparison.Ordinal)
        && callee.Name.Contains("Kernel", StringComparison.Ordinal)
        && callee.DeclaringType?.Namespace?.StartsWith("ILGPU", StringComparison.Ordinal) == true;

    private static MethodBase? Resolve(MethodInfo context, int token)
    {
        try
        {
            var typeArguments = context.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
            var methodArguments = context.IsGenericMethod ? context.GetGenericArguments() : null;
            return context.Module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or MissingMethodException or BadImageFormatException)
        {
            return null; // a reference we cannot resolve cannot be a kernel loader
        }
    }

    private static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
