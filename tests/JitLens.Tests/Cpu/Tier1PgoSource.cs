namespace JitLens.Tests.Cpu;

/// <summary>
/// A program for the Tier1-PGO warm-up: <c>Run</c> (static, parameterless, so the warm-up calls it) sums an array in a loop
/// and adds up areas through a virtual call that only ever sees <c>Square</c>; <c>NeverCalled</c> is never run.
/// Markers in trailing comments name lines for the tests.
/// </summary>
internal static class Tier1PgoSource
{
    public const string Text = """
        using System.Linq;

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

            public static int Sum(int[] data)
            {
                var total = 0;
                for (var i = 0; i < data.Length; i++)
                {
                    total += data[i]; // sum body
                }

                return total;
            }

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
