using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Model;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>
/// Inspects the corpus (<c>Cpu/Corpus/Varied.cs</c>) once, fully optimized, in a JIT host that also prints the runtime's own
/// disassembly of every corpus method; pairs each JitLens unit with the runtime's listing of the same method.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public static string SourcePath => Path.Combine(AppContext.BaseDirectory, "Cpu", "Corpus", "Varied.cs");

    public InspectionResult Result { get; private set; } = new();

    public string RuntimeText { get; private set; } = string.Empty;

    /// <summary>Each unit with the runtime's listing of the same method (null when none matched).</summary>
    internal IReadOnlyList<(InspectedUnit Unit, RuntimeListing? Listing)> Pairs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var disasmFile = Path.Combine(Path.GetTempPath(), $"jitlens-corpus-{Guid.NewGuid():N}.txt");
        var pipeline = new InspectionPipeline(
        [
            new CompileStage(),
            new JitCaptureStage
            {
                AwaitHostExit = true,
                HostEnvironment = new Dictionary<string, string>
                {
                    // Every method of every type in the corpus' namespace, nested and generic ones included.
                    ["DOTNET_JitDisasm"] = "Corpus.*:*",
                    ["DOTNET_JitStdOutFile"] = disasmFile,
                },
            },
        ]);
        try
        {
            Result = await CSharpInspection.RunAsync("Varied.cs", await File.ReadAllTextAsync(SourcePath), pipeline: pipeline, timeout: TimeSpan.FromSeconds(120));
            RuntimeText = await File.ReadAllTextAsync(disasmFile);
        }
        finally
        {
            File.Delete(disasmFile);
        }

        var listings = RuntimeListing.ParseAll(RuntimeText);
        Pairs = Result.Methods.Select(unit => (unit, Match(unit, listings))).ToList();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The listing whose name and parameter count are the unit's, the one with the fewest shared-code arguments first.</summary>
    private static RuntimeListing? Match(InspectedUnit unit, List<RuntimeListing> listings)
    {
        var open = unit.Name.IndexOf('(', StringComparison.Ordinal);
        var name = unit.Name[..open];
        var parameters = RuntimeListing.TopLevel(unit.Name[(open + 1)..^1], '<', '>').Count;
        return listings
            .Where(l => l.ParameterCount == parameters && l.NamePattern().IsMatch(name))
            .OrderBy(l => l.SharedArguments)
            .FirstOrDefault();
    }
}
