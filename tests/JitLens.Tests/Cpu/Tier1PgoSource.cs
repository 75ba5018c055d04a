namespace JitLens.Tests.Cpu;

/// <summary>
/// A program for the Tier1-PGO warm-up: <c>Run</c> (static, parameterless, so the warm-up calls it) sums an array in a loop
/// and adds up areas through a virtual call and sizes through an interface call that only ever see <c>Square</c>;
/// <c>NeverCalled</c> is never run.
/// Markers in trailing comments name lines for the tests. <c>Sum</c>, <c>TotalArea</c> and <c>TotalSize</c> are not inlined: once <c>Run</c>
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

        public interface ISized
        {
            double Size();
        }

        public sealed class Square : Shape, ISized
        {
            public double Side = 2;

            public override double Area() => Side * Side;

            public double Size() => Side;
        }

        public sealed class Circle : Shape, ISized
        {
            public double Radius = 1;

            public override double Area() => 3.14159 * Radius * Radius;

            public double Size() => Radius;
        }

        public static class Program
        {
            private static readonly int[] Data = Enumerable.Range(0, 100).ToArray();
            private static readonly Shape[] Squares = Enumerable.Range(0, 50).Select(_ => (Shape)new Square()).ToArray();
            private static readonly ISized[] Sized = Enumerable.Range(0, 50).Select(_ => (ISized)new Square()).ToArray();

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

            [MethodImpl(MethodImplOptions.NoInlining)]
            public static double TotalSize(ISized[] items)
            {
                var total = 0.0;
                foreach (var item in items)
                {
                    total += item.Size(); // size body
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
                TotalSize(Sized);
            }
        }
        """;
}
