using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;

namespace Samples;

public static class Sample
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13];

    public static int Sum(int[] data)
    {
        var total = 0;
        for (var i = 0; i < data.Length; i++)
        {
            total += data[i];
        }

        return total;
    }

    public static int SumEvery(int[] data, int step)
    {
        var total = 0;
        for (var i = 0; i < data.Length; i += step)
        {
            total += data[i];
        }

        return total;
    }

    public static string DayName(int day) => day switch
    {
        0 => "Sunday", 1 => "Monday", 2 => "Tuesday", 3 => "Wednesday",
        4 => "Thursday", 5 => "Friday", 6 => "Saturday", _ => "unknown",
    };

    public static Vector128<float> Scale(Vector128<float> v, float f) => v * Vector128.Create(f);

    public static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    public static int MaxOfInts(int a, int b) => Max(a, b);

    public static int CountAbove(IEnumerable<int> values, int limit) => values.Count(v => v > limit);

    public static async Task<int> DelayedDoubleAsync(int x)
    {
        await Task.Yield();
        return x * 2;
    }

    public static int NthPrime(int n) => Primes[n % Primes.Length];

    public static int SumSquares(int n)
    {
        return Square(n) + (n > 0 ? SumSquares(n - 1) : 0);

        static int Square(int x) => x * x;
    }
}
