using JitLens.Model;
using JitLens.Remarks;
using JitLens.Tests.Numba;
using Xunit;

namespace JitLens.Tests.Remarks;

/// <summary>Numba/Fixtures/remarks.py inspected once by the real Numba frontend, with the remarks of every unit derived.</summary>
public sealed class NumbaRemarksInspection : IAsyncLifetime
{
    public const string Fixture = "remarks.py";

    public InspectionResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Result = await NumbaFixtures.InspectAsync(Fixture);
        foreach (var unit in Result.Methods)
        {
            RemarkAnalysis.Annotate(unit);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The function's unit (its own, not an outlined parfor kernel's).</summary>
    public InspectedUnit Unit(string function) =>
        Assert.Single(Result.Methods, m => m.Name.StartsWith(function + "(", StringComparison.Ordinal) && !m.Name.Contains("parfor kernel", StringComparison.Ordinal));

    public static int Line(string text) => NumbaFixtures.LineOf(Fixture, text);
}
