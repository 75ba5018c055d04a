using ILGPU;
using ILGPU.Runtime;

namespace Samples;

public static class Kernels
{
    public static void Clamp(Index1D i, ArrayView<int> data, int limit)
    {
        if (data[i] > limit)
        {
            data[i] = limit;
        }
    }

    public static void RowSums(Index1D row, ArrayView<int> matrix, ArrayView<int> sums, int width)
    {
        var sum = 0;
        for (var j = 0; j < width; j++)
        {
            sum += matrix[(row * width) + j];
        }

        sums[row] = sum;
    }

    public static void Twice(ArrayView<int> data)
    {
        var i = Grid.GlobalIndex.X;
        if (i < data.Length)
        {
            data[i] *= 2;
        }
    }

    public static void Scale(Index1D i, ArrayView<float> data, float factor)
    {
        data[i] *= factor;
    }

    public static int[] Run()
    {
        using var context = Context.CreateDefault();
        using var accelerator = context.GetPreferredDevice(preferCPU: false).CreateAccelerator(context);
        var clamp = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, int>(Clamp);
        var rowSums = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, int>(RowSums);
        var twice = accelerator.LoadStreamKernel<ArrayView<int>>(Twice);

        using var matrix = accelerator.Allocate1D(new[] { 1, 2, 3, 4, 50, 60, 7, 8, 9 });
        using var sums = accelerator.Allocate1D<int>(3);
        clamp((int)matrix.Length, matrix.View, 10);
        rowSums(3, matrix.View, sums.View, 3);
        twice(new KernelConfig(1, 4), sums.View);
        accelerator.Synchronize();
        System.Console.WriteLine($"ran on {accelerator.AcceleratorType}");
        return sums.GetAsArray1D();
    }
}
