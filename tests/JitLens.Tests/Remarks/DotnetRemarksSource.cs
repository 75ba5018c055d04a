namespace JitLens.Tests.Remarks;

/// <summary>C# methods in pairs: one where a remark kind must appear, one where a reader might expect it and it must not.</summary>
internal static class DotnetRemarksSource
{
    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Numerics;

        namespace Probe;

        public interface IShape { double Area(); }

        public sealed class Square : IShape { public double Side; public double Area() => Side * Side; }

        public class Node { public Node? Next; public int Value; }

        public static class Holder<T> { public static int Count = Init(); static int Init() => 3; }

        public static class Code
        {
            public static int SumUpTo(int[] a, int n)
            {
                int s = 0;
                for (int i = 0; i < n; i++)
                    s += a[i];
                return s;
            }

            public static int SumList(List<int> items)
            {
                int s = 0;
                foreach (var x in items) s += x * x;
                return s;
            }

            public static int SumAll(int[] a)
            {
                int s = 0;
                foreach (var x in a) s += x;
                return s;
            }

            public static List<int> MakeList(int n)
            {
                var list = new List<int>(n);
                return list;
            }

            public static int Count(int n) { int c = 0; for (int i = 0; i < n; i++) c += i; return c; }

            public static object Boxed(int x) => x;

            public static string Formatted(int x) => x.ToString();

            public static double AreaOf(IShape s) => s.Area();

            public static double AreaOfSquare(Square s) => s.Area();

            public static void Link(Node a, Node b) { a.Next = b; }

            public static void SetValue(Node a, int v) { a.Value = v; }

            public static int CountOf<T>() where T : class => Holder<T>.Count;

            public static int CountOfStrings() => CountOf<string>();

            public static int Concat(string a, string b) => string.Concat(a, b).Length;

            public static int Twice(int x) => Helper(x) * 2;

            private static int Helper(int x) => x + 1;

            public static int VectorSum(ReadOnlySpan<int> a)
            {
                var v = Vector<int>.Zero;
                for (int i = 0; i + Vector<int>.Count <= a.Length; i += Vector<int>.Count)
                    v += new Vector<int>(a.Slice(i));
                return Vector.Sum(v);
            }

            public static float ScalarDot(float x, float y) => x * y + 1f;

            public static int Guarded(List<int> log, int a, int b)
            {
                try
                {
                    return checked(a * b);
                }
                catch (OverflowException) when (a > 0)
                {
                    return int.MaxValue;
                }
                finally
                {
                    log.Add(a);
                }
            }
        }
        """;
}
