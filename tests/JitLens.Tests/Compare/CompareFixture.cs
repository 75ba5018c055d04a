using JitLens.Compare;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Tests.Cpu;
using Xunit;

namespace JitLens.Tests.Compare;

/// <summary>
/// A small loop inspected by the real JIT three ways, shared by the compare tests: at Tier0, optimized, and optimized
/// after an edit that inserts a line above the method and changes the loop body.
/// </summary>
public sealed class CompareFixture : IAsyncLifetime
{
    public const string Before = """
        public static class Loop
        {
            public static int Sum(int[] data)
            {
                var total = 0;
                for (var i = 0; i < data.Length; i++)
                {
                    total += data[i];
                }

                return total;
            }
        }
        """;

    public const string After = """
        public static class Loop
        {
            private const int Scale = 3;

            public static int Sum(int[] data)
            {
                var total = 0;
                for (var i = 0; i < data.Length; i++)
                {
                    total += data[i] * Scale;
                }

                return total;
            }
        }
        """;

    public InspectionResult Tier0 { get; private set; } = new();

    public InspectionResult Optimized { get; private set; } = new();

    public InspectionResult Edited { get; private set; } = new();

    public InspectionComparison Tiers { get; private set; } = null!;

    public InspectionComparison Edit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var tier0 = CSharpInspection.RunAsync("Loop.cs", Before, method: "Sum", tier: JitTier.Tier0);
        var optimized = CSharpInspection.RunAsync("Loop.cs", Before, method: "Sum");
        var edited = CSharpInspection.RunAsync("Loop.cs", After, method: "Sum");
        (Tier0, Optimized, Edited) = (await tier0, await optimized, await edited);
        Tiers = InspectionComparison.Of(Tier0, Optimized, "tier0", "optimized", ["il", "asm"]);
        Edit = InspectionComparison.Of(Optimized, Edited, "before", "after", ["il", "asm"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static int LineOf(string source, string text) => CSharpInspection.LineOf(source, text);
}
