using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>loop.py inspected once for all of <see cref="NumbaLoopTests"/>: each run starts Python and compiles.</summary>
public sealed class LoopInspection : IAsyncLifetime
{
    public InspectionResult Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await NumbaFixtures.InspectAsync("loop.py");

    public Task DisposeAsync() => Task.CompletedTask;
}
