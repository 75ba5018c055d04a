using Xunit;

namespace JitLens.Cli.Tests.Inspect;

/// <summary>Bad input: one sentence on stderr, exit code 1, no stack trace.</summary>
public sealed class InspectErrorTests
{
    [Fact]
    public async Task Should_print_compiler_diagnostics_and_exit_with_1_on_a_compile_error()
    {
        // Given a file that does not compile
        var directory = Directory.CreateTempSubdirectory("jitlens-cli-");
        try
        {
            var file = Path.Combine(directory.FullName, "Broken.cs");
            await File.WriteAllTextAsync(file, "class Broken\n{\n    int F() => 1\n}\n");

            // When it is inspected
            var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", file);

            // Then the compiler's diagnostic is printed, located, and nothing else
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, stdout);
            Assert.Matches(@"^\S*Broken\.cs:3:17: error CS1002: ; expected\s*$", stderr);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Should_refuse_an_assembly_without_its_pdb()
    {
        // Given an assembly with no PDB beside it
        var directory = Directory.CreateTempSubdirectory("jitlens-cli-");
        try
        {
            var dll = Path.Combine(directory.FullName, "Lonely.dll");
            File.Copy(typeof(InspectErrorTests).Assembly.Location, dll);

            // When it is inspected
            var (exit, _, stderr) = await CliProcess.RunAsync("inspect", dll);

            // Then the user is told what is missing
            Assert.Equal(1, exit);
            Assert.Contains("no Lonely.pdb beside it", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
