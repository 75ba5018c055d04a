using JitLens.Model;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>
/// Inspects <see cref="Tier1PgoSource"/> once per tier (real compile, real JIT host, real warm-up) for all tests of the class:
/// after the Tier1-PGO warm-up, as Tier0, and fully optimized, so that the tests can compare the three.
/// </summary>
public sealed class Tier1PgoFixture : IAsyncLifetime
{
    // A loaded 2-core runner: the warm-up and background tiering can take a while.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public InspectionResult Warmed { get; private set; } = new();

    public InspectionResult Tier0 { get; private set; } = new();

    public InspectionResult Optimized { get; private set; } = new();

    public async Task InitializeAsync()
    {
        Warmed = await CSharpInspection.RunAsync("Warm.cs", Tier1PgoSource.Text, tier: JitTier.Tier1Pgo, timeout: Timeout);
        Tier0 = await CSharpInspection.RunAsync("Warm.cs", Tier1PgoSource.Text, tier: JitTier.Tier0, timeout: Timeout);
        Optimized = await CSharpInspection.RunAsync("Warm.cs", Tier1PgoSource.Text, tier: JitTier.Optimized, timeout: Timeout);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static int Line(string marker) => CSharpInspection.LineOf(Tier1PgoSource.Text, marker);
}
