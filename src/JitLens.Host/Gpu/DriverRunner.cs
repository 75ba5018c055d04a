using System.Reflection;
using JitLens.Gpu.Compilation;
using JitLens.Gpu.Hosting;

namespace JitLens.Host.Gpu;

/// <summary>
/// Runs a method that loads kernels, when it can be called without inputs we would have to invent: static, and either
/// parameterless or <c>Main(string[])</c>. The parent hides CUDA devices from this process, so ILGPU's device choice
/// falls to its CPU accelerator.
/// </summary>
internal static class DriverRunner
{
    public static DriverRun? Run(MethodInfo driver)
    {
        var parameters = driver.GetParameters();
        object?[]? arguments = parameters.Length switch
        {
            0 => [],
            1 when parameters[0].ParameterType == typeof(string[]) => [Array.Empty<string>()],
            _ => null,
        };
        if (!driver.IsStatic || arguments is null || driver.ContainsGenericParameters)
        {
            return null;
        }

        var name = KernelNames.Of(driver) + "()";
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            var value = driver.Invoke(null, arguments);
            var outcome = driver.ReturnType == typeof(void) ? "returned" : $"returned {ValueText.Of(value)}";
            return new DriverRun(name, true, outcome, output.ToString());
        }
        catch (TargetInvocationException e) when (e.InnerException is { } error)
        {
            return new DriverRun(name, false, $"threw {error.GetType().Name}: {error.Message}", output.ToString());
        }
        finally
        {
            Console.SetOut(previous);
        }
    }
}
