namespace JitLens.Tests.Cpu;

/// <summary>One C# file with a method per JIT behaviour the tests look for; compiled and JITted once per test class.</summary>
internal static class OptimizedCodeSource
{
    public const string Text = """
        using System;
        using System.Linq;
        using System.Runtime.Intrinsics;
        using System.Threading.Tasks;

        namespace Probe;

        public static class Code
        {
            private static readonly int[] Table = Enumerable.Range(0, 16).ToArray();

            public static int SumAll(int[] data)
            {
                var total = 0;
                for (var i = 0; i < data.Length; i++)
                {
                    total += data[i]; // sum-all body
                }

                return total;
            }

            public static int SumStrided(int[] data, int step)
            {
                var total = 0;
                for (var i = 0; i < data.Length; i += step)
                {
                    total += data[i]; // strided body
                }

                return total;
            }

            public static int Dense(int x, int[] sink)
            {
                switch (x)
                {
                    case 0: sink[3] = 11; break;
                    case 1: sink[1] = 22; break;
                    case 2: sink[4] += 33; break;
                    case 3: sink[0] -= 44; break;
                    case 4: sink[5] ^= 55; break;
                    case 5: sink[2] = sink[7]; break;
                    case 6: sink[6] *= 3; break;
                    case 7: sink[7] = x; break;
                }

                return sink[0];
            }

            public static Vector128<float> Mul128(Vector128<float> a, Vector128<float> b) => a * b; // v128

            public static Vector256<int> Add256(Vector256<int> a, Vector256<int> b) => a + b; // v256

            public static T Largest<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) > 0 ? a : b; // generic

            public static long UseLargest(long a, long b) => Largest(a, b);

            public static Func<int, int> Adder(int k) => x => x + k; // lambda

            public static async Task<int> TwiceAsync(int x)
            {
                await Task.Yield();
                return x * 2; // async result
            }

            public static int FromTable(int i) => Table[i & 15]; // table read
        }
        """;
}
