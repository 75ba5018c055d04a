using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>A fixture file inspected by JitLens and built by Numba the normal way, once for a whole test class.</summary>
public abstract class NormalBuildComparison(string fixture) : IAsyncLifetime
{
    public InspectionResult Result { get; private set; } = null!;

    /// <summary>The normal build's signatures, keyed by <see cref="NormalBuild.ComparableName"/>.</summary>
    internal IReadOnlyDictionary<string, NormalSignature> Normal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Two independent Python processes: run side by side.
        var inspect = NumbaFixtures.InspectAsync(fixture);
        var normal = NormalBuild.OfAsync(fixture);
        Result = await inspect;
        Normal = (await normal).ToDictionary(n => NormalBuild.ComparableName(n.Key), n => n.Value, StringComparer.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The one unit of the function named <paramref name="qualifiedName"/>.</summary>
    public InspectedUnit Unit(string qualifiedName) =>
        Assert.Single(Result.Methods, m => m.Name.StartsWith(qualifiedName + "(", StringComparison.Ordinal));
}
