using System.Globalization;
using System.Text;
using JitLens.Gpu;
using JitLens.Gpu.LineInfo;
using JitLens.Gpu.Ptx;
using JitLens.Gpu.Sass;
using JitLens.Model;
using JitLens.Numba;

namespace JitLens.Tests.Gpu.Support;

/// <summary>
/// A recorded PTX or SASS listing and what the one parser of its format makes of it, in one file: a header
/// (<c>origin</c>: ilgpu or numba, <c>source</c>, for Numba the function's <c>lines</c> first-def-last and the PTX
/// <c>function</c>), <c>--- input</c>, then <c>--- expected</c>, one line per instruction, and optionally
/// <c>--- remarks</c>, the codegen remarks of the listing, one per line. Set JITLENS_UPDATE_SNAPSHOTS=1 to rewrite the
/// expected parts.
/// </summary>
internal sealed record ListingFixture(string Name, IReadOnlyDictionary<string, string> Header, string Input, string Expected, string? Remarks)
{
    private const string InputMark = "--- input\n";
    private const string ExpectedMark = "--- expected\n";
    private const string RemarksMark = "--- remarks\n";

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Gpu", "Listings"), "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static ListingFixture Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gpu", "Listings", name)).ReplaceLineEndings("\n");
        var input = text.IndexOf(InputMark, StringComparison.Ordinal);
        var expected = text.IndexOf(ExpectedMark, input, StringComparison.Ordinal);
        var remarks = text.IndexOf(RemarksMark, expected, StringComparison.Ordinal);
        var header = text[..input].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return remarks < 0
            ? new ListingFixture(name, header, text[(input + InputMark.Length)..expected], text[(expected + ExpectedMark.Length)..], null)
            : new ListingFixture(name, header, text[(input + InputMark.Length)..expected], text[(expected + ExpectedMark.Length)..remarks], text[(remarks + RemarksMark.Length)..]);
    }

    /// <summary>The listing as its front end reads it: ILGPU every function with its headers, Numba one function's instructions.</summary>
    public CodeListing Parse()
    {
        var path = Header["source"];
        var sass = Name.Contains(".sass", StringComparison.Ordinal);
        if (Header["origin"] == "ilgpu")
        {
            bool IsSource(string file) => SourceFiles.Same(file, path);
            return CarriedLabels.Of(sass ? SassListingParser.Parse(Input, IsSource) : PtxListingParser.Parse(Input, IsSource), keepDeclarations: true);
        }

        var lines = Header["lines"].Split('-').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var source = new LineScope(lines[0], lines[1], lines[2]).In(path);
        return CarriedLabels.Of(sass ? SassListingParser.Parse(Input, source) : PtxListingParser.ParseFunction(Input, source, Header.GetValueOrDefault("function")), keepDeclarations: false);
    }

    /// <summary>One line per instruction: region, line (&lt;the calling line for inlined code), offset, label, text, flow.</summary>
    public static string Render(CodeListing listing)
    {
        var text = new StringBuilder();
        foreach (var i in listing.Instructions)
        {
            var line = i.Line is { } l ? l.ToString(CultureInfo.InvariantCulture) + (i.InlinedAt is { } at ? "<" + at.ToString(CultureInfo.InvariantCulture) : "") : "-";
            text.Append(CultureInfo.InvariantCulture, $"{i.Region.ToString().ToLowerInvariant(),-8} {line,-6} ");
            text.Append(i.Offset is { } offset ? offset.ToString("x4", CultureInfo.InvariantCulture) + " " : "");
            text.Append(i.Label is { } label && i.Region != CodeRegion.Header ? "[" + label + "] " : "").Append(i.Text);
            text.AppendLine(i.Flow switch
            {
                ControlFlowKind.Branch when i.SwitchTargetLabels.Count > 0 => "  => switch " + string.Join(' ', i.SwitchTargetLabels),
                ControlFlowKind.Branch => "  => jump " + (i.TargetLabel ?? "?"),
                ControlFlowKind.ConditionalBranch => "  => maybe " + (i.TargetLabel ?? "exit"),
                ControlFlowKind.Return => "  => exit",
                _ => "",
            });
        }

        return text.ToString();
    }

    /// <summary>Rewrites the expected instructions in the source tree when asked to, and returns what the fixture expects.</summary>
    public string ExpectedOrUpdated(string actual) => Updating ? Rewrite(ExpectedMark, actual) : Expected;

    /// <summary>Rewrites the expected remarks in the source tree when asked to, and returns what the fixture expects.</summary>
    public string? RemarksOrUpdated(string actual) => Updating ? Rewrite(RemarksMark, actual) : Remarks;

    private static bool Updating => Environment.GetEnvironmentVariable("JITLENS_UPDATE_SNAPSHOTS") == "1";

    /// <summary>Replaces one expected part of the fixture's file in the source tree, as the file is now, and returns it.</summary>
    private string Rewrite(string mark, string actual)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Gpu", "Listings", Name);
        var text = File.ReadAllText(source).ReplaceLineEndings("\n");
        var start = text.IndexOf(mark, StringComparison.Ordinal) + mark.Length;
        var next = mark == ExpectedMark ? text.IndexOf(RemarksMark, start, StringComparison.Ordinal) : -1;
        File.WriteAllText(source, text[..start] + actual + (next < 0 ? string.Empty : text[next..]));
        return actual;
    }
}
