using System.Globalization;
using System.Text.RegularExpressions;
using JitLens.Gpu.LineInfo;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Gpu.Sass;

/// <summary>
/// Reads <c>nvdisasm -g -c</c> output, of ptxas's cubin for ILGPU's PTX or of Numba's kernels: instructions
/// (<c>/*0170*/ @P0 BRA `(.L_x_2) ;</c>), labels (<c>.L_x_2:</c>) and the line info nvdisasm prints before the
/// instructions of each line (<c>//## File "k.cs", line 12</c>). A group of such comments names the frames of one
/// place, innermost first and the call site last (<c>-gi</c> adds <c>inlined at "k.cs", line 20</c>): code inlined
/// from another function of the file sits at that function's line and names the calling line.
/// </summary>
public static partial class SassListingParser
{
    public static CodeListing Parse(string sass, Func<string, bool> isSourceFile) => Parse(sass, new ListingSource(isSourceFile));

    public static CodeListing Parse(string sass, ListingSource source)
    {
        var instructions = new List<CodeInstruction>();
        var frames = new List<SourceFrame>();
        var collectingFrames = false;
        var place = SourcePlace.Prolog;
        foreach (var raw in sass.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var text = raw.Trim();
            if (LineInfo().Match(text) is { Success: true } info)
            {
                if (!collectingFrames)
                {
                    frames.Clear(); // a new group replaces the old one
                    collectingFrames = true;
                }

                place = SourcePlace.Of(AddFrames(frames, info), source);
                continue;
            }

            collectingFrames = false;
            if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal))
            {
                if (text.StartsWith("//---", StringComparison.Ordinal))
                {
                    place = SourcePlace.Prolog; // a new function's section
                }
            }
            else if (Instruction().Match(text) is { Success: true } ins)
            {
                var offset = long.Parse(ins.Groups["offset"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                instructions.Add(WithFlow(new CodeInstruction(CodeOf(ins.Groups["code"].Value), place.Line, place.Region, offset) { InlinedAt = place.InlinedAt }));
            }
            else if (Label().Match(text) is { Success: true } label)
            {
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header) { Label = label.Groups["name"].Value });
            }
            else if (!text.StartsWith('/'))
            {
                instructions.Add(new CodeInstruction(ListingText.Collapsed(text), null, CodeRegion.Header));
            }
        }

        return new CodeListing(SassView.Id, instructions);
    }

    /// <summary>Adds one comment's frames: its own place, then the call sites its <c>inlined at</c> names.</summary>
    private static List<SourceFrame> AddFrames(List<SourceFrame> frames, Match info)
    {
        var own = new SourceFrame(info.Groups["file"].Value, int.Parse(info.Groups["line"].Value, CultureInfo.InvariantCulture));
        if (frames.Count == 0 || frames[^1] != own)
        {
            frames.Add(own);
        }

        foreach (Match site in InlinedAt().Matches(info.Groups["rest"].Value))
        {
            frames.Add(new SourceFrame(site.Groups["file"].Value, int.Parse(site.Groups["line"].Value, CultureInfo.InvariantCulture)));
        }

        return frames;
    }

    /// <summary>The instruction without its trailing <c>;</c>, encoding comment or dual-issue braces.</summary>
    private static string CodeOf(string code)
    {
        var comment = code.IndexOf("/*", StringComparison.Ordinal);
        var statement = comment >= 0 ? code[..comment] : code;
        var end = statement.IndexOf(';', StringComparison.Ordinal);
        return ListingText.Collapsed((end >= 0 ? statement[..end] : statement).Trim().Trim('{', '}').Trim());
    }

    [GeneratedRegex(@"^//##\s*File\s+""(?<file>[^""]*)"",\s*line\s+(?<line>\d+)(?<rest>.*)$")]
    private static partial Regex LineInfo();

    [GeneratedRegex(@"inlined at\s+""(?<file>[^""]*)"",\s*line\s+(?<line>\d+)")]
    private static partial Regex InlinedAt();

    [GeneratedRegex(@"^/\*(?<offset>[0-9a-fA-F]+)\*/\s*(?<code>.*)$")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"^(?<name>\.?[A-Za-z_$][\w$.]*):$")]
    private static partial Regex Label();
}
