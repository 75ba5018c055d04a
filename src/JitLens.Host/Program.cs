namespace JitLens.Host;

/// <summary>Picks the host's mode: <c>gpu ...</c> compiles and runs GPU kernels; anything else JITs CPU methods.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Gpu.GpuMode.Name)
        {
            return Gpu.GpuMode.Run(args);
        }

        return CpuMode.Run(args);
    }
}
