using JitLens.Model;
using JitLens.Numba;
using JitLens.Pipeline;

namespace JitLens.Tests.Numba;

/// <summary>Runs the real Numba frontend (Debian's python3-numba) on a fixture file.</summary>
internal static class NumbaFixtures
{
    /// <summary>Generous: a cold `import numba` plus compilation on a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string PathOf(string fixture) => Path.Combine(AppContext.BaseDirectory, "Numba", "Fixtures", fixture);

    public static async Task<InspectionResult> InspectAsync(string fixture, IReadOnlyList<string>? signatures = null, TimeSpan? timeout = null, string? python = null, string? method = null)
    {
        var request = new InspectRequest
        {
            Inputs = [PathOf(fixture)],
            Signatures = signatures ?? [],
            Timeout = timeout ?? Timeout,
            Python = python,
            MethodPattern = method,
        };
        var context = await new InspectionPipeline([new NumbaStage()]).RunAsync(request);
        return context.Result;
    }

    /// <summary>The 1-based line of the first line of <paramref name="fixture"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(string fixture, string text) =>
        Array.FindIndex(File.ReadAllLines(PathOf(fixture)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public static IReadOnlyList<string> TextsOn(InspectedUnit unit, string view, int line) =>
        unit.Views[view].ForLine(line).Select(i => i.Text).ToList();
}
