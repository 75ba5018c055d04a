using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JitLens.Tests.Numba;

/// <summary>One signature as Numba builds it without JitLens: its function names and Numba's own LLVM IR and asm.</summary>
internal sealed record NormalSignature(string FunctionName, IReadOnlyList<string> Kernels, string Llvm, string Asm);

/// <summary>Runs Numba/Baseline/normal_build.py on a fixture in its own Python process: the build that runs normally.</summary>
internal static partial class NormalBuild
{
    public static async Task<IReadOnlyDictionary<string, NormalSignature>> OfAsync(string fixture)
    {
        var cache = string.Empty;
        var output = Path.Combine(Path.GetTempPath(), $"jitlens-normal-{Guid.NewGuid():N}.json");
        var script = Path.Combine(AppContext.BaseDirectory, "Numba", "Baseline", "normal_build.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, NumbaFixtures.PathOf(fixture), output]) { RedirectStandardError = true };
        // cache=True functions are compiled, not loaded from an earlier run's cache (which keeps no IR).
        cache = Directory.CreateTempSubdirectory("jitlens-normal-cache-").FullName;
        start.Environment["NUMBA_CACHE_DIR"] = cache;
        try
        {
            using var process = Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"normal_build.py failed: {stderr}");
            }

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            return json.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => new NormalSignature(
                    p.Value.GetProperty("function_name").GetString()!,
                    p.Value.GetProperty("kernels").EnumerateArray().Select(k => k.GetString()!).ToList(),
                    p.Value.GetProperty("llvm").GetString()!,
                    p.Value.GetProperty("asm").GetString()!),
                StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(output);
            Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>
    /// An instruction with what differs between two builds of the same code masked: metadata attachments, metadata
    /// operands and attribute group numbers (debug info renumbers them), addresses baked into names and constants, and the
    /// unique-id part of mangled names.
    /// </summary>
    public static string Comparable(string instruction) =>
        UniqueId().Replace(Address().Replace(Attributes().Replace(MetadataOperand().Replace(Metadata().Replace(instruction, string.Empty), "!M"), "#A"), "ADDR"), "vUID");

    /// <summary>A unit's name without the addresses Numba puts in type names (<c>instance.jitclass.Box#7f3a...</c>).</summary>
    public static string ComparableName(string name) => JitClassAddress().Replace(name, "#ADDR");

    [GeneratedRegex(@"#[0-9a-f]{6,}")]
    private static partial Regex JitClassAddress();

    [GeneratedRegex(@",? !(?!dbg\b)[\w.]+ !\d+")]
    private static partial Regex Metadata();

    [GeneratedRegex(@"!\d+\b")]
    private static partial Regex MetadataOperand();

    [GeneratedRegex(@"#\d+\b")]
    private static partial Regex Attributes();

    // LLVM renames a global whose address-based name is taken already (".4"), which depends on the addresses.
    // ... and a @jitclass type's address is part of mangled names ("Box_237f2547c4b650": "#7f2547c4b650").
    [GeneratedRegex(@"(?:0x[0-9a-fA-F]{6,}|\b\d{9,}\b|(?<=_23)[0-9a-f]{10,})(?:\.\d+\b)?")]
    private static partial Regex Address();

    [GeneratedRegex(@"v\d+(?=B\d)")]
    private static partial Regex UniqueId();
}
