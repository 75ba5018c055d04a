using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>features.py inspected by JitLens and built the normal way, once for all of <see cref="NumbaFeatureTests"/>.</summary>
public sealed class FeaturesInspection : IAsyncLifetime
{
    public const string Fixture = "features.py";

    public InspectionResult Result { get; private set; } = null!;

    internal IReadOnlyDictionary<string, NormalSignature> Normal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Two independent Python processes: run side by side.
        var inspect = NumbaFixtures.InspectAsync(Fixture);
        var normal = NormalBuild.OfAsync(Fixture);
        Result = await inspect;
        Normal = (await normal).ToDictionary(n => NormalBuild.ComparableName(n.Key), n => n.Value, StringComparer.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The one unit of the function named <paramref name="qualifiedName"/>.</summary>
    public InspectedUnit Unit(string qualifiedName) =>
        Assert.Single(Result.Methods, m => m.Name.StartsWith(qualifiedName + "(", StringComparison.Ordinal));
}
