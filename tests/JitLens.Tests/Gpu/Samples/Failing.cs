using ILGPU;
using ILGPU.Runtime;

namespace Samples;

public static class Failing
{
    public static void Fine(Index1D i, ArrayView<int> data)
    {
        data[i] = i;
    }

    public static void UsesStrings(Index1D i, ArrayView<int> data)
    {
        data[i] = i.ToString().Length;
    }

    public static void Run()
    {
        using var context = Context.CreateDefault();
        using var accelerator = context.GetPreferredDevice(preferCPU: true).CreateAccelerator(context);
        var fine = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>>(Fine);
        using var buffer = accelerator.Allocate1D<int>(4);
        fine(4, buffer.View);
        accelerator.Synchronize();
        System.Environment.Exit(3);
        var strings = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>>(UsesStrings);
        strings(4, buffer.View);
    }
}
