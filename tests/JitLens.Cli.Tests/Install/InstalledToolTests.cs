using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace JitLens.Cli.Tests.Install;

/// <summary>
/// The tool as users get it: packed as a native executable (Native AOT) and installed with <c>dotnet tool install</c>.
/// scripts/test.sh installs it first (scripts/install-tool.sh) and names the command in JITLENS_TOOL.
/// </summary>
public sealed partial class InstalledToolTests
{
    private static readonly string? Tool = Environment.GetEnvironmentVariable("JITLENS_TOOL");

    [SkippableFact]
    public async Task Should_show_the_same_code_for_every_line_as_the_build_does()
    {
        Skip.If(string.IsNullOrEmpty(Tool) || !File.Exists(Tool), "JITLENS_TOOL does not name an installed jitlens; run scripts/install-tool.sh (scripts/test.sh does).");

        // Given the installed tool and the plain build
        // When both inspect the bundled sample as JSON
        var (toolExit, toolJson, toolErr) = await CliProcess.RunInstalledAsync(Tool!, "inspect", CliProcess.Sample, "--format", "json", "--timeout", "150");
        var (buildExit, buildJson, buildErr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--format", "json");

        // Then both succeed and agree method by method, line by line, on IL and (addresses masked) asm: the precompiled
        // tool still has user code JITted by the machine's own .NET.
        Assert.True(toolExit == 0, toolErr);
        Assert.True(buildExit == 0, buildErr);
        var tool = Lines(toolJson);
        var build = Lines(buildJson);
        Assert.True(build.Count >= 10, $"the sample has ten or more methods, the build showed {build.Count}");
        Assert.Equal(build.Keys.Order(StringComparer.Ordinal), tool.Keys.Order(StringComparer.Ordinal));
        foreach (var (method, lines) in build)
        {
            Assert.Equal(lines, tool[method]);
        }
    }

    [SkippableFact]
    public async Task Should_compile_user_code_against_the_framework_only_not_against_the_tools_own_libraries()
    {
        Skip.If(string.IsNullOrEmpty(Tool) || !File.Exists(Tool), "JITLENS_TOOL does not name an installed jitlens; run scripts/install-tool.sh (scripts/test.sh does).");

        // Given code that names a type only jitlens' own dependencies have (Roslyn ships inside the self-contained tool)
        var file = Path.Combine(Path.GetTempPath(), $"jitlens-install-{Guid.NewGuid():N}.cs");
        await File.WriteAllTextAsync(file, "public static class UsesRoslyn\n{\n    public static object Parse() => Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(\"1\");\n}\n");
        try
        {
            // When the installed tool inspects it
            var (exit, _, stderr) = await CliProcess.RunInstalledAsync(Tool!, "inspect", file, "--timeout", "150");

            // Then, as in a plain project, the name is unknown: a compile error at its line and column, exit code 1
            Assert.Equal(1, exit);
            Assert.Matches(@":3:\d+: error CS0234: ", stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Per method: each line's IL and asm as one string, with addresses masked (they differ between runs).</summary>
    private static Dictionary<string, List<string>> Lines(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("methods").EnumerateArray()
            .Where(m => !IsAsyncStateMachine(m.GetProperty("name").GetString()!))
            .ToDictionary(
                m => m.GetProperty("name").GetString()!,
                m => m.GetProperty("lines").EnumerateArray()
                    .Select(l => $"{l.GetProperty("line").GetInt32()}: {View(l, "il")} | {Address().Replace(View(l, "asm"), "ADDR")}")
                    .ToList());
    }

    /// <summary>
    /// An async state machine's code can differ between two runs of the same runtime: the framework code it inlines
    /// calls helpers directly or through an indirection cell depending on whether they were compiled yet.
    /// </summary>
    private static bool IsAsyncStateMachine(string name) => name.EndsWith(".MoveNext()", StringComparison.Ordinal);

    private static string View(JsonElement line, string view) =>
        line.TryGetProperty(view, out var items) ? string.Join("; ", items.EnumerateArray().Select(i => i.GetString())) : string.Empty;

    [GeneratedRegex("0x[0-9a-fA-F]{5,}")]
    private static partial Regex Address();
}
