using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>fidelity.py inspected by JitLens and built the normal way, once for all of <see cref="NumbaFidelityTests"/>.</summary>
public sealed class FidelityInspection : IAsyncLifetime
{
    public const string Fixture = "fidelity.py";

    public InspectionResult Result { get; private set; } = null!;

    internal IReadOnlyDictionary<string, NormalSignature> Normal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Two independent Python processes: run side by side.
        var inspect = NumbaFixtures.InspectAsync(Fixture);
        var normal = NormalBuild.OfAsync(Fixture);
        Result = await inspect;
        Normal = await normal;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
