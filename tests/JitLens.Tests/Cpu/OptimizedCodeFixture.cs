using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>Inspects <see cref="OptimizedCodeSource"/> once (a real compile and a real JIT host) for all tests of the class.</summary>
public sealed class OptimizedCodeFixture : IAsyncLifetime
{
    public InspectionResult Result { get; private set; } = new();

    public async Task InitializeAsync() => Result = await CSharpInspection.RunAsync("Probe.cs", OptimizedCodeSource.Text);

    public Task DisposeAsync() => Task.CompletedTask;

    public static int Line(string marker) => CSharpInspection.LineOf(OptimizedCodeSource.Text, marker);
}
