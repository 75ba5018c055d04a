using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Tests.Cpu;

/// <summary>Runs the real pipeline (Roslyn, JIT host, ClrMD) on C# source written to a temporary file.</summary>
internal static class CSharpInspection
{
    public static async Task<InspectionResult> RunAsync(string fileName, string source, string? method = null, JitTier tier = JitTier.Optimized, TimeSpan? timeout = null, InspectionPipeline? pipeline = null, IReadOnlyList<string>? views = null)
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-test-");
        try
        {
            var path = Path.Combine(directory.FullName, fileName);
            await File.WriteAllTextAsync(path, source);
            var request = new InspectRequest
            {
                Inputs = [path],
                MethodPattern = method,
                Tier = tier,
                Views = views ?? ["il", "asm"],
                Timeout = timeout ?? TimeSpan.FromSeconds(60),
            };
            var context = await (pipeline ?? new InspectionPipeline()).RunAsync(request);
            return context.Result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static InspectedUnit Method(this InspectionResult result, string nameStart) =>
        result.Methods.FirstOrDefault(m => m.Name.StartsWith(nameStart, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No method starting with {nameStart}; have: {string.Join(", ", result.Methods.Select(m => m.Name))}");

    public static IReadOnlyList<string> Asm(this InspectedUnit unit) => unit.Views["asm"].Instructions.Select(i => i.Text).ToList();

    public static IReadOnlyList<string> AsmOfLine(this InspectedUnit unit, int line) => unit.Views["asm"].ForLine(line).Select(i => i.Text).ToList();

    /// <summary>The 1-based line of the first source line containing <paramref name="text"/>.</summary>
    public static int LineOf(string source, string text) =>
        source.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
