using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using JitLens.Gpu.Compilation;
using JitLens.Gpu.Discovery;

namespace JitLens.Gpu.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/JitLens.Gpu.Bench [-- samples/gpu/Kernels.cs]</c>. Cold: a fresh process
/// loads the assembly, finds its kernels and compiles the first to PTX (ILGPU and its own JIT start from nothing).
/// Warm: the same compiler compiles the kernels again and again. The baseline is a fresh process that does nothing,
/// measured in the same run, so that process start is not mistaken for compile time.
/// </summary>
internal static class Program
{
    private const int ColdRuns = 5;
    private const int WarmRounds = 20;

    private static int Main(string[] args)
    {
        if (args is ["--cold", var assemblyPath])
        {
            return Cold(assemblyPath);
        }

        if (args is ["--noop"])
        {
            return 0;
        }

        var source = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("samples", "gpu", "Kernels.cs"));
        var dll = SampleCompiler.Compile(source);

        var baseline = Median(Enumerable.Range(0, ColdRuns).Select(_ => Child("--noop").WallMs));
        var cold = Enumerable.Range(0, ColdRuns).Select(_ => Child("--cold", dll)).ToList();
        var coldInProcess = Median(cold.Select(c => c.ReportedMs));
        var coldWall = Median(cold.Select(c => c.WallMs));

        var assembly = Assembly.LoadFrom(dll);
        var kernels = KernelFinder.Find(assembly, null).Select(k => k.Kernel).ToList();
        using var compiler = new KernelCompiler(GpuTarget.Parse(null));
        kernels.ForEach(k => compiler.Compile(k));
        var warm = new List<double>();
        for (var round = 0; round < WarmRounds; round++)
        {
            foreach (var kernel in kernels)
            {
                var watch = Stopwatch.StartNew();
                compiler.Compile(kernel);
                warm.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var warmMedian = Median(warm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kernels: {kernels.Count} ({string.Join(", ", kernels.Select(k => k.Name))}), target {compiler.Target}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline: empty process           {baseline,8:0.0} ms (median of {ColdRuns})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold kernel → PTX, in process     {coldInProcess,8:0.0} ms (target 500 ms: {coldInProcess / 500:0.00}×)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold kernel → PTX, whole process  {coldWall,8:0.0} ms ({coldWall / baseline:0.0}× the empty process)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm kernel → PTX                 {warmMedian,8:0.0} ms (median of {warm.Count}; target 20 ms: {warmMedian / 20:0.00}×)"));
        return 0;
    }

    /// <summary>Inside the fresh process: from the first line of Main to the first kernel's PTX.</summary>
    private static int Cold(string assemblyPath)
    {
        var watch = Stopwatch.StartNew();
        var assembly = Assembly.LoadFrom(assemblyPath);
        var kernel = KernelFinder.Find(assembly, null)[0].Kernel;
        using var compiler = new KernelCompiler(GpuTarget.Parse(null));
        var ptx = compiler.Compile(kernel).Ptx;
        Console.WriteLine(watch.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
        return ptx.Length > 0 ? 0 : 1;
    }

    private static (double WallMs, double ReportedMs) Child(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = watch.Elapsed.TotalMilliseconds;
        return (wall, double.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var reported) ? reported : double.NaN);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
