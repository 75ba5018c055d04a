namespace JitLens.Tests.Cpu;

/// <summary>
/// A program for the Tier1-PGO warm-up: <c>Run</c> (static, parameterless, so the warm-up calls it) sums an array in a loop
/// and adds up areas through a virtual call that only ever sees <c>Square</c>; <c>NeverCalled</c> is never run.
/// Markers in trailing comments name lines for the tests. <c>Sum</c> and <c>TotalArea</c> are not inlined: once <c>Run</c>
/// reached Tier1 with one of them inlined, that one would never be called again, and whether it got to Tier1 first
/// depends on how the tiering worker was scheduled (seen on a loaded runner).
/// </summary>
internal static class Tier1PgoSource
{
    public const string Text = """
        using System.Linq;
        using System.Runtime.CompilerServices;

        namespace Warm;

        public abstract class Shape
        {
            public abstract double Area();
        }

        public sealed class Square : Shape
        {
            public double Side = 2;

            public override double Area() => Side * Side;
        }

        public sealed class Circle : Shape
        {
            public double Radius = 1;

            public override double Area() => 3.14159 * Radius * Radius;
        }

        public static class Program
        {
            private static readonly int[] Data = Enumerable.Range(0, 100).ToArray();
            private static readonly Shape[] Squares = Enumerable.Range(0, 50).Select(_ => (Shape)new Square()).ToArray();

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static int Sum(int[] data)
            {
                var total = 0;
                for (var i = 0; i < data.Length; i++)
                {
                    total += data[i]; // sum body
                }

                return total;
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static double TotalArea(Shape[] shapes)
            {
                var total = 0.0;
                foreach (var shape in shapes)
                {
                    total += shape.Area(); // area body
                }

                return total;
            }

            public static int NeverCalled(int n)
            {
                var total = 0;
                for (var i = 0; i < n; i++)
                {
                    total += i * i;
                }

                return total;
            }

            public static void Run()
            {
                Sum(Data);
                TotalArea(Squares);
            }
        }
        """;
}
