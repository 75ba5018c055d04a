using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>Methods that only ever run through a virtual or interface call still get native code of their own.</summary>
public sealed class InterfaceMethodCodeTests
{
    [Fact]
    public async Task Should_compile_interface_implementations_explicit_implementations_iterators_and_generic_implementations()
    {
        // Given methods the runtime only reaches through a vtable or an interface: an implicit and an explicit interface
        // implementation, a virtual method, an iterator's MoveNext, and interface methods of a generic class and struct
        const string source = """
            using System.Collections.Generic;

            public interface IMeasure { int Measure(int x); }
            public interface ISource<T> { T Get(); }

            public sealed class Ruler : IMeasure { public int Measure(int x) => x * 10; }
            public sealed class Hidden : IMeasure { int IMeasure.Measure(int x) => x + 7; }
            public class Base { public virtual int Size() => 3; }
            public sealed class Box<T> : ISource<T> { private readonly T _item; public Box(T item) => _item = item; public T Get() => _item; }
            public readonly struct Cell<T> : ISource<T> { private readonly T _item; public Cell(T item) => _item = item; public T Get() => _item; }

            public static class Use
            {
                public static IEnumerable<int> Countdown(int from)
                {
                    for (var i = from; i > 0; i--)
                    {
                        yield return i;
                    }
                }

                public static int Read() => new Box<int>(1).Get() + new Cell<long>(2).Get().GetHashCode();
            }
            """;

        // When it is inspected (fully optimized)
        var result = await CSharpInspection.RunAsync("Interfaces.cs", source);

        // Then each of them shows native code that ends in a return or a jump, and no unit says it has none
        foreach (var name in new[] { "Ruler.Measure(", "Hidden.IMeasure.Measure(", "Base.Size(", "Use.<Countdown>d__0.MoveNext(", "Box<int>.Get(", "Cell<long>.Get(" })
        {
            var unit = result.Method(name);
            Assert.True(unit.Views.ContainsKey("asm") && unit.Asm().Count > 0, $"{unit.Name} has no native code: {string.Join(" ", unit.Notes)}");
            Assert.Contains(unit.Asm(), i => i.StartsWith("ret", StringComparison.Ordinal) || i.StartsWith("jmp", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(result.Methods, m => m.Notes.Any(n => n.Contains("no native code", StringComparison.Ordinal)));
    }
}
