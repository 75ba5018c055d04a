using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>features.py inspected once for all of <see cref="NumbaFeatureTests"/>.</summary>
public sealed class FeaturesInspection : IAsyncLifetime
{
    public const string Fixture = "features.py";

    public InspectionResult Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await NumbaFixtures.InspectAsync(Fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The one unit of the function named <paramref name="qualifiedName"/>.</summary>
    public InspectedUnit Unit(string qualifiedName) =>
        Assert.Single(Result.Methods, m => m.Name.StartsWith(qualifiedName + "(", StringComparison.Ordinal));
}
