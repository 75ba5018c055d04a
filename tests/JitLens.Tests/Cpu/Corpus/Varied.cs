using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus;

public interface IShape
{
    double Area();

    string Name { get; }
}

public interface IScaler
{
    int Scale(int x);
}

public interface IValue<T>
{
    T GetValue();
}

public sealed class Circle : IShape
{
    private readonly double _radius;

    public Circle(double radius) => _radius = radius;

    public double Area() => Math.PI * _radius * _radius;

    public string Name => "circle";
}

public class Doubler : IScaler
{
    int IScaler.Scale(int x) => x * 2;
}

public struct Tripler : IScaler
{
    public int Factor;

    public int Scale(int x) => x * 3 * Factor;
}

public class Holder<T> : IValue<T>
{
    private readonly T _value;

    public Holder(T value) => _value = value;

    public T GetValue() => _value;
}

public readonly struct Pair<T> : IValue<T>
{
    private readonly T _first;

    public Pair(T first) => _first = first;

    public T GetValue() => _first;
}

public record Point(int X, int Y)
{
    public int ManhattanLength() => Math.Abs(X) + Math.Abs(Y);
}

public record struct Extent(double Width, double Height)
{
    public readonly double Area => Width * Height;
}

public abstract class Animal
{
    public abstract string Sound();

    public virtual int Legs() => 4;
}

public sealed class Bird : Animal
{
    public override string Sound() => "tweet";

    public override int Legs() => 2;
}

public static class Calls
{
    public static double TotalArea(IShape[] shapes)
    {
        double total = 0;
        foreach (var shape in shapes)
        {
            total += shape.Area();
        }

        return total;
    }

    public static int ScaleAll(IScaler scaler, int[] values)
    {
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += scaler.Scale(values[i]);
        }

        return sum;
    }

    public static int CountLegs(Animal[] animals)
    {
        var legs = 0;
        foreach (var animal in animals)
        {
            legs += animal.Legs();
        }

        return legs;
    }

    public static string Describe(object value) => value switch
    {
        int i when i > 0 => "positive",
        int => "int",
        string s => s,
        Point { X: 0 } => "on the axis",
        null => "null",
        _ => value.ToString() ?? string.Empty,
    };

    public static T ValueOf<T>(IValue<T> source) => source.GetValue();

    public static int UseValues() => ValueOf(new Holder<int>(3)) + ValueOf(new Holder<string>("x")).Length + ValueOf<long>(new Pair<long>(4)).GetHashCode();
}

public static class Iterators
{
    public static IEnumerable<int> Evens(int limit)
    {
        for (var i = 0; i < limit; i += 2)
        {
            yield return i;
        }
    }

    public static IEnumerable<string> Words(string text)
    {
        foreach (var word in text.Split(' '))
        {
            if (word.Length > 0)
            {
                yield return word;
            }
        }
    }

    public static int SumEvens(int limit)
    {
        var total = 0;
        foreach (var even in Evens(limit))
        {
            total += even;
        }

        return total;
    }
}

public static class Asyncs
{
    public static async Task<int> AddLaterAsync(int a, int b)
    {
        await Task.Yield();
        return a + b;
    }

    public static async ValueTask<string> EchoAsync(string text)
    {
        await Task.Delay(1);
        return text;
    }

    public static async Task<int> SumLaterAsync(int[] values)
    {
        var total = 0;
        foreach (var value in values)
        {
            total += await AddLaterAsync(value, 1);
        }

        return total;
    }
}

public static class Generics
{
    public static T Largest<T>(T[] items)
        where T : IComparable<T>
    {
        var best = items[0];
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].CompareTo(best) > 0)
            {
                best = items[i];
            }
        }

        return best;
    }

    public static int LargestInt(int[] values) => Largest(values);

    public static string LargestString(string[] values) => Largest(values);

    public static List<T> Repeat<T>(T item, int count)
    {
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(item);
        }

        return list;
    }

    public static int RepeatCount() => Repeat(1.5, 3).Count + Repeat("a", 2).Count;
}

public static class Switches
{
    public static int Weekday(string name)
    {
        switch (name)
        {
            case "monday": return 1;
            case "tuesday": return 2;
            case "wednesday": return 3;
            case "thursday": return 4;
            case "friday": return 5;
            case "saturday": return 6;
            case "sunday": return 7;
            default: return 0;
        }
    }

    public static string Grade(int score)
    {
        switch (score / 10)
        {
            case 10:
            case 9:
                return "A";
            case 8:
                return "B";
            case 7:
                return "C";
            case 6:
                return "D";
            case 5:
                return "E";
            default:
                return "F";
        }
    }

    public static int Kind(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => 1,
        >= '0' and <= '9' => 2,
        _ => 0,
    };
}

public static class Arrays
{
    public static int[] Squares { get; } = [1, 4, 9, 16];

    public static int[] Fresh => new int[3];

    public static int At(int[] values, int index) => values[index];

    public static int SumFirstThree(int[] values) => values[0] + values[1] + values[2];

    public static int SumSpan(ReadOnlySpan<int> values)
    {
        var total = 0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public static int StackSum(int count)
    {
        Span<int> buffer = stackalloc int[16];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i * count;
        }

        return buffer[count & 15];
    }

    public static float Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        }

        return Vector.Dot(sum, Vector<float>.One);
    }

    public static Vector128<int> AddVectors(Vector128<int> a, Vector128<int> b) => a + b;
}

public static class Errors
{
    public static int Counter;

    public static int ParseOr(string text, int fallback)
    {
        try
        {
            return int.Parse(text);
        }
        catch (FormatException)
        {
            return fallback;
        }
    }

    public static int LengthCounted(int[] values)
    {
        var length = 0;
        try
        {
            length = values.Length;
        }
        finally
        {
            Counter++;
        }

        return length;
    }

    public static void Guard(string? text) => ArgumentNullException.ThrowIfNull(text);

    public static int CheckedAdd(int a, int b) => checked(a + b);
}

public sealed class Account
{
    private readonly object _gate = new();
    private readonly Lock _lock = new();
    private decimal _balance;
    private int _count;

    public void Deposit(decimal amount)
    {
        lock (_gate)
        {
            _balance += amount;
        }
    }

    public int Increment()
    {
        lock (_lock)
        {
            return ++_count;
        }
    }

    public bool TryTake(decimal amount)
    {
        if (!Monitor.TryEnter(_gate))
        {
            return false;
        }

        try
        {
            _balance -= amount;
            return true;
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }
}

public static class Delegates
{
    public static event EventHandler? Changed;

    public static int Apply(Func<int, int> function, int x) => function(x);

    public static int Twice(int x) => Apply(v => v * 2, x);

    public static int AddLater(int k)
    {
        Func<int, int> add = v => v + k;
        return add(1);
    }

    public static void Notify(Action<string> callback) => callback("done");

    public static void Raise() => Changed?.Invoke(null, EventArgs.Empty);
}

public static class Queries
{
    public static int CountLong(string[] words) => words.Count(w => w.Length > 3);

    public static List<int> Doubled(IEnumerable<int> values) => values.Select(x => x * 2).Where(x => x > 10).ToList();

    public static double Mean(int[] values) => values.Average();

    public static Dictionary<char, int> Letters(string text) => text.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
}

public static class Texts
{
    public static string Join(string a, int b) => $"{a}-{b}";

    public static string Build(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i).Append(',');
        }

        return builder.ToString();
    }
}

public static class Misc
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Hot(int[] values)
    {
        var total = 0;
        foreach (var value in values)
        {
            total += value * value;
        }

        return total;
    }

    public static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

    public static (int Min, int Max) MinMax(int[] values)
    {
        var (min, max) = (int.MaxValue, int.MinValue);
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return (min, max);
    }

    public static int WithLocal(int n)
    {
        return Square(n) + 1;

        static int Square(int x) => x * x;
    }

    public static int? FirstPositive(int?[] values)
    {
        foreach (var value in values)
        {
            if (value is > 0)
            {
                return value;
            }
        }

        return null;
    }
}
