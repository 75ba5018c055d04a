using ILGPU;
using ILGPU.Runtime;

namespace Samples;

public static class RemarkKernels
{
    public static void BlockSum(ArrayView<int> data, ArrayView<int> sums)
    {
        var shared = SharedMemory.Allocate<int>(64);
        var local = LocalMemory.Allocate<int>(16);
        var t = Group.IdxX;
        for (var k = 0; k < 16; k++)
        {
            local[k] = data[(Grid.GlobalIndex.X + k) % data.IntLength];
        }

        shared[t] = local[t % 16];
        Group.Barrier();
        if (t == 0)
        {
            sums[Grid.IdxX] = shared[0] + shared[1];
        }
    }

    public static void Scale(Index1D i, ArrayView<float> data, float factor)
    {
        data[i] *= factor;
    }

    public static void Run()
    {
        using var context = Context.CreateDefault();
        using var accelerator = context.GetPreferredDevice(preferCPU: false).CreateAccelerator(context);
        var blockSum = accelerator.LoadStreamKernel<ArrayView<int>, ArrayView<int>>(BlockSum);
        var scale = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, float>(Scale);
        using var data = accelerator.Allocate1D<int>(64);
        using var sums = accelerator.Allocate1D<int>(1);
        using var floats = accelerator.Allocate1D<float>(4);
        blockSum(new KernelConfig(1, 64), data.View, sums.View);
        scale(4, floats.View, 2f);
        accelerator.Synchronize();
    }
}
