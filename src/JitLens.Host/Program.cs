namespace JitLens.Host;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Gpu.GpuMode.Name)
        {
            return Gpu.GpuMode.Run(args);
        }

        return 0;
    }
}
