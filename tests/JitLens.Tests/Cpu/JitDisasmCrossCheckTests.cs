using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>JitLens' instructions against the runtime's own disassembler, for the same methods in the same process.</summary>
public sealed class JitDisasmCrossCheckTests
{
    [Fact]
    public async Task Should_show_the_same_instructions_as_the_runtimes_JitDisasm()
    {
        // Given the JIT host told to also print its own disassembly of some methods (same process, same mode)
        var disasmFile = Path.Combine(Path.GetTempPath(), $"jitlens-jitdisasm-{Guid.NewGuid():N}.txt");
        var names = new[] { "SumAll", "SumStrided", "Dense", "Mul128", "UseLargest", "FromTable" };
        var pipeline = new InspectionPipeline(
        [
            new CompileStage(),
            new JitCaptureStage
            {
                AwaitHostExit = true,
                HostEnvironment = new Dictionary<string, string>
                {
                    ["DOTNET_JitDisasm"] = string.Join(' ', names),
                    ["DOTNET_JitStdOutFile"] = disasmFile,
                },
            },
        ]);

        try
        {
            // When JitLens inspects the code
            var result = await CSharpInspection.RunAsync("Probe.cs", OptimizedCodeSource.Text, pipeline: pipeline);
            var text = await File.ReadAllTextAsync(disasmFile);
            var runtime = JitDisasmListing.Parse(text);

            // Then, method by method, the instructions are the same once labels, call targets and addresses are masked
            foreach (var name in names)
            {
                var ours = result.Method($"Probe.Code.{name}(").Views["asm"].Instructions.Select(i => i.Text);
                Assert.True(runtime.ContainsKey(name), $"The runtime printed no listing for {name}.");
                var expected = JitDisasmListing.Normalize(runtime[name]);
                var actual = JitDisasmListing.Normalize(ours);
                Assert.True(expected.SequenceEqual(actual), $"{name} differs.\nThe runtime's listing file:\n{text}\nJitLens:\n{string.Join('\n', actual)}");
            }
        }
        finally
        {
            File.Delete(disasmFile);
        }
    }
}
