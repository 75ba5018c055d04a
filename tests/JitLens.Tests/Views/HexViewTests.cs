using System.Globalization;
using Iced.Intel;
using JitLens.Pipeline;
using JitLens.Views;
using Xunit;

namespace JitLens.Tests.Views;

/// <summary>The hex view: the JIT's machine code bytes beside each x64 instruction, made from the asm listing.</summary>
public sealed class HexViewTests
{
    private const string Source = """
        public static class Small
        {
            public static int Scale(int value, int[] data)
            {
                var total = value * 3;
                for (var i = 0; i < data.Length; i++)
                {
                    total += data[i];
                }

                return total;
            }
        }
        """;

    [Fact]
    public async Task Should_show_for_each_instruction_the_bytes_that_decode_to_exactly_that_instruction()
    {
        // Given a small method inspected with the hex view alone
        var unit = (await InspectAsync()).Methods.Single(m => m.Name.StartsWith("Small.Scale(", StringComparison.Ordinal));

        // When its hex listing is read beside its asm
        var hex = unit.Views[HexView.Id].Instructions;
        var asm = unit.Views[AsmView.Id].Instructions;

        // Then each line's bytes decode to one x64 instruction of that many bytes, the asm text follows them, every
        // instruction keeps its source line, and the bytes add up to the method's code size
        Assert.Equal(asm.Count, hex.Count);
        var total = 0;
        foreach (var (shown, native) in hex.Zip(asm))
        {
            var bytes = BytesOf(shown.Text);
            var decoder = Decoder.Create(64, new ByteArrayCodeReader(bytes));
            decoder.Decode(out var decoded);
            Assert.Equal(bytes.Length, decoded.Length);
            Assert.False(decoded.IsInvalid, shown.Text);
            Assert.EndsWith(native.Text, shown.Text, StringComparison.Ordinal);
            Assert.StartsWith(decoded.Mnemonic.ToString().ToLowerInvariant(), native.Text, StringComparison.Ordinal);
            Assert.Equal(native.Line, shown.Line);
            Assert.Equal(native.Region, shown.Region);
            total += bytes.Length;
        }

        Assert.Equal(unit.CodeSize, total);
    }

    private static async Task<Model.InspectionResult> InspectAsync()
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-hex-");
        try
        {
            var path = Path.Combine(directory.FullName, "Small.cs");
            await File.WriteAllTextAsync(path, Source);
            var request = new InspectRequest { Inputs = [path], Views = [HexView.Id], Timeout = TimeSpan.FromSeconds(60) };
            return (await new InspectionPipeline().RunAsync(request)).Result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The leading run of two-digit hex words of a hex line: its bytes.</summary>
    private static byte[] BytesOf(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(w => w.Length == 2 && byte.TryParse(w, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
            .Select(w => byte.Parse(w, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToArray();
}
