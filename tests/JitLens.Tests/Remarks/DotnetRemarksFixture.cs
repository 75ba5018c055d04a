using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Remarks;
using JitLens.Tests.Cpu;
using JitLens.Views;
using Xunit;

namespace JitLens.Tests.Remarks;

/// <summary>
/// Inspects <see cref="DotnetRemarksSource"/> once (real Roslyn, real JIT host) in a host that also prints the
/// runtime's own <c>DOTNET_JitDisasm</c> listing of every method, and derives the remarks of every unit.
/// </summary>
public sealed class DotnetRemarksFixture : IAsyncLifetime
{
    public InspectionResult Result { get; private set; } = new();

    /// <summary>The runtime's listings, keyed by the method's simple name.</summary>
    public IReadOnlyDictionary<string, List<string>> RuntimeListings { get; private set; } = new Dictionary<string, List<string>>();

    public async Task InitializeAsync()
    {
        var disasmFile = Path.Combine(Path.GetTempPath(), $"jitlens-remarks-{Guid.NewGuid():N}.txt");
        var pipeline = new InspectionPipeline(
        [
            new CompileStage(),
            new JitCaptureStage
            {
                AwaitHostExit = true,
                HostEnvironment = new Dictionary<string, string>
                {
                    ["DOTNET_JitDisasm"] = "Probe.Code:*",
                    ["DOTNET_JitStdOutFile"] = disasmFile,
                },
            },
            new RemarksStage(),
        ]);
        try
        {
            Result = await CSharpInspection.RunAsync("Remarks.cs", DotnetRemarksSource.Text, pipeline: pipeline, views: [RemarksView.Id]);
            RuntimeListings = JitDisasmListing.Parse(await File.ReadAllTextAsync(disasmFile));
        }
        finally
        {
            File.Delete(disasmFile);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public InspectedUnit Unit(string method) => Result.Method($"Probe.Code.{method}(");

    public static int Line(string marker) => CSharpInspection.LineOf(DotnetRemarksSource.Text, marker);
}
