using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>IL operands read as C#: generic methods of generic types keep both their type's and their own arguments.</summary>
public sealed class IlNameTests
{
    [Fact]
    public async Task Should_name_a_generic_method_of_a_generic_type_with_both_instantiations()
    {
        // Given an async method (its builder's Start<TStateMachine> is a generic method of AsyncTaskMethodBuilder<int>)
        // and a call to a method of List<long> whose parameter is the type's own parameter
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public static class Names
            {
                public static async Task<int> LaterAsync(int x)
                {
                    await Task.Yield();
                    return x + 1;
                }

                public static void Fill(List<long> list) => list.Add(42);

                public static T First<T>(T[] items) => items[0];

                public static string FirstWord(string[] words) => First(words);

                public static T Largest<T>(T a, T b) where T : System.IComparable<T> => a.CompareTo(b) > 0 ? a : b;

                public static int LargerInt(int a, int b) => Largest(a, b);
            }
            """;

        // When its IL is shown
        var result = await CSharpInspection.RunAsync("Names.cs", source);
        var kickOff = Il(result.Method("Names.LaterAsync("));
        var fill = Il(result.Method("Names.Fill("));
        var first = Il(result.Method("Names.FirstWord("));

        // Then the builder's type argument, the method's own argument and its by-ref parameter are all named
        Assert.Contains(kickOff, i => i.Contains("call System.Runtime.CompilerServices.AsyncTaskMethodBuilder<int>.Start<Names.<LaterAsync>d__0>(ref Names.<LaterAsync>d__0)", StringComparison.Ordinal));
        Assert.Contains(kickOff, i => i.Contains("AsyncTaskMethodBuilder<int>.get_Task()", StringComparison.Ordinal));
        Assert.Contains(fill, i => i.Contains("System.Collections.Generic.List<long>.Add(long)", StringComparison.Ordinal));
        Assert.Contains(first, i => i.Contains("call Names.First<string>(string[])", StringComparison.Ordinal));

        // And inside a generic method its own type parameter is named: T, not !!0
        Assert.Contains(Il(result.Method("Names.Largest<int>(")), i => i.Contains("callvirt System.IComparable<T>.CompareTo(T)", StringComparison.Ordinal));
    }

    private static List<string> Il(JitLens.Model.InspectedUnit unit) => unit.Views["il"].Instructions.Select(i => i.Text).ToList();
}
