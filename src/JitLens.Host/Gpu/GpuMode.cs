using System.Reflection;
using System.Text.Json;
using JitLens.Gpu.Compilation;
using JitLens.Gpu.Discovery;
using JitLens.Gpu.Hosting;

namespace JitLens.Host.Gpu;

/// <summary>
/// The host's GPU mode: finds and compiles the kernels, writes them out, then runs their drivers on ILGPU's CPU
/// accelerator. Results go to files, not stdout, because the user's drivers print to stdout.
/// Exit codes: 0 done, 2 bad arguments, 4 the assembly cannot be loaded.
/// </summary>
internal static class GpuMode
{
    public const string Name = "gpu";

    public static int Run(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: JitLens.Host gpu REQUEST.json KERNELS.json RUNS.json");
            return 2;
        }

        var request = JsonSerializer.Deserialize<GpuHostRequest>(File.ReadAllText(args[1]))!;
        Assembly assembly;
        try
        {
            assembly = Assembly.LoadFrom(Path.GetFullPath(request.AssemblyPath));
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            Console.Error.WriteLine($"{request.AssemblyPath}: the assembly cannot be loaded: {e.Message}");
            return 4;
        }

        var kernels = KernelFinder.Find(assembly, request.KernelPattern);
        var target = GpuTarget.Parse(request.Arch, request.CudaVersion is null ? null : Version.Parse(request.CudaVersion));
        using (var compiler = new KernelCompiler(target))
        {
            var compiled = kernels.Select(k => Compile(compiler, k)).ToList();
            File.WriteAllText(args[2], JsonSerializer.Serialize(new GpuHostKernels(compiled)));
        }

        if (request.RunDrivers)
        {
            var drivers = kernels.Select(k => k.Driver).OfType<MethodInfo>().Distinct().ToList();
            var runs = drivers.Select(DriverRunner.Run).OfType<DriverRun>().ToList();
            File.WriteAllText(args[3], JsonSerializer.Serialize(new GpuHostRuns(runs)));
        }

        return 0;
    }

    /// <summary>ILGPU wraps the cause ("not supported...") in a location message; the user needs both.</summary>
    private static string Reason(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is not TargetInvocationException && !messages.Contains(e.Message.TrimEnd('.')))
            {
                messages.Add(e.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", messages) + ".";
    }

    private static GpuHostKernel Compile(KernelCompiler compiler, KernelReference kernel)
    {
        var name = KernelNames.Of(kernel.Kernel);
        var driver = kernel.Driver is null ? null : KernelNames.Of(kernel.Driver);
        try
        {
            return new GpuHostKernel(name, driver, compiler.Compile(kernel.Kernel), null);
        }
#pragma warning disable CA1031 // ILGPU reports unsupported kernel code with many exception types; each becomes a note.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new GpuHostKernel(name, driver, null, Reason(e));
        }
    }
}
