using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>Calls through dispatch cells, vtable slots, delegates and into the runtime itself name their callee.</summary>
public sealed class CallNameTests
{
    [Fact]
    public async Task Should_name_interface_virtual_delegate_and_runtime_implemented_callees()
    {
        // Given an interface call, a virtual call, a delegate call and a lock (whose fast paths the runtime implements natively)
        const string source = """
            using System;

            public interface IPricer { decimal Price(int units); }
            public abstract class Shape { public abstract double Perimeter(); }

            public sealed class Shop
            {
                private readonly object _gate = new();
                private int _sold;

                public static decimal Quote(IPricer pricer, int units) => pricer.Price(units) + 1m;

                public static double Fence(Shape shape) => shape.Perimeter() * 2;

                public static int Transform(Func<int, int> step, int value) => step(value) + 1;

                public void Sell()
                {
                    lock (_gate)
                    {
                        _sold++;
                    }
                }
            }
            """;

        // When it is inspected
        var result = await CSharpInspection.RunAsync("Shop.cs", source);

        // Then each call names what it calls, as the runtime's own listing does
        Assert.Contains(result.Method("Shop.Quote(").Asm(), i => i.StartsWith("call qword ptr [", StringComparison.Ordinal) && i.Contains("; IPricer.Price(int)", StringComparison.Ordinal));
        Assert.Contains(result.Method("Shop.Fence(").Asm(), i => i.StartsWith("call qword ptr [", StringComparison.Ordinal) && i.Contains("; Shape.Perimeter()", StringComparison.Ordinal));
        Assert.Contains(result.Method("Shop.Transform(").Asm(), i => i.Contains("; System.Func<int, int>.Invoke(int)", StringComparison.Ordinal));
        var sell = result.Method("Shop.Sell(").Asm();
        Assert.Contains(sell, i => i.StartsWith("call System.Threading.Monitor.", StringComparison.Ordinal) && i.Contains("FastPath(object)", StringComparison.Ordinal));
        Assert.DoesNotContain(sell, i => System.Text.RegularExpressions.Regex.IsMatch(i, @"^call 0x[0-9a-f]+$"));
    }
}
