using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>User code that does not compile, throws or never ends gives one clear sentence, never a hang.</summary>
public sealed class UserCodeFailureTests
{
    [Fact]
    public async Task Should_report_compile_errors_as_file_line_column_diagnostics()
    {
        // Given a source with a missing semicolon on line 3
        const string source = "public static class Broken\n{\n    public static int F() => 1\n}\n";

        // When it is inspected
        var error = await Assert.ThrowsAsync<InspectionException>(() => CSharpInspection.RunAsync("Broken.cs", source));

        // Then the error is the compiler's diagnostic, located
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Matches(@"Broken\.cs:3:31: error CS1002: ; expected$", diagnostic);
        Assert.Equal(diagnostic, error.Message);
    }

    [Fact]
    public async Task Should_report_a_static_constructor_that_throws()
    {
        // Given a static constructor that throws
        const string source = """
            public static class Fragile
            {
                static Fragile() => throw new System.InvalidOperationException("no config");

                public static int F() => 1;
            }
            """;

        // When it is inspected (the optimized tier runs static constructors first)
        var error = await Assert.ThrowsAsync<InspectionException>(() => CSharpInspection.RunAsync("Fragile.cs", source));

        // Then the message names the type, the exception and where it was thrown
        Assert.Contains("static constructor of Fragile threw InvalidOperationException: no config", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fragile.cs:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_a_static_constructor_that_never_ends()
    {
        // Given a static constructor with an endless loop
        const string source = """
            public static class Stuck
            {
                public static int Value;

                static Stuck()
                {
                    while (Value >= 0) { Value = (Value + 1) & 0xFF; }
                }

                public static int F() => Value;
            }
            """;

        // When it is inspected with a short time limit
        var error = await Assert.ThrowsAsync<InspectionException>(() => CSharpInspection.RunAsync("Stuck.cs", source, timeout: TimeSpan.FromSeconds(5)));

        // Then the host is stopped and the message says what was running
        Assert.Contains("did not finish within 5 s while running the static constructor of Stuck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_a_stack_overflow_in_user_code()
    {
        // Given a static constructor that recurses forever
        const string source = """
            public static class Deep
            {
                public static int Value = Down(1);

                private static int Down(int n) => Down(n + 1) + 1;
            }
            """;

        // When it is inspected
        var error = await Assert.ThrowsAsync<InspectionException>(() => CSharpInspection.RunAsync("Deep.cs", source));

        // Then the tool survives and says what happened
        Assert.Contains("overflowed the stack while running the static constructor of Deep", error.Message, StringComparison.Ordinal);
    }
}
