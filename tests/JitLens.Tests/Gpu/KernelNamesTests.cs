using System.Reflection;
using JitLens.Gpu.Compilation;
using Xunit;

namespace JitLens.Tests.Gpu;

public class KernelNamesTests
{
    [Fact]
    public void Should_name_a_method_by_namespace_type_and_method()
    {
        // Given a method of a nested type
        var method = typeof(Outer.Inner).GetMethod(nameof(Outer.Inner.Kernel))!;

        // When named
        // Then nesting reads with dots
        Assert.Equal("JitLens.Tests.Gpu.KernelNamesTests.Outer.Inner.Kernel", KernelNames.Of(method));
    }

    [Fact]
    public void Should_name_a_lambda_after_the_method_that_wrote_it()
    {
        // Given a lambda, which C# compiles into a method of a hidden closure class
        Action<int> lambda = static i => GC.KeepAlive(i);

        // When named
        var name = KernelNames.Of(lambda.Method);

        // Then it reads as this test method's lambda
        Assert.StartsWith("JitLens.Tests.Gpu.KernelNamesTests.Should_name_a_lambda_after_the_method_that_wrote_it.<lambda ", name, StringComparison.Ordinal);
        Assert.EndsWith(">", name, StringComparison.Ordinal);
    }

    public static class Outer
    {
        public static class Inner
        {
            public static void Kernel()
            {
            }
        }
    }
}
