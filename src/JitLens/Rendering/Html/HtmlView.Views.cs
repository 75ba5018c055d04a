using System.Globalization;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Rendering.Html;

public static partial class HtmlView
{
    private static void WriteViews(InspectedUnit unit, TextWriter output, RenderOptions options)
    {
        var listings = ViewOrder.For(unit, options).Select(v => unit.Views[v]).ToList();
        var showCfg = unit.Cfg is not null && (options.Views.Count == 0 || options.Views.Contains(CfgView.Id, StringComparer.OrdinalIgnoreCase));
        output.Write("<div class=\"jl-views\">\n<div class=\"jl-tabs\" role=\"tablist\">");
        var tabs = listings.Select(l => l.View).ToList();
        if (showCfg)
        {
            tabs.Add(CfgView.Id);
        }

        for (var i = 0; i < tabs.Count; i++)
        {
            var selected = i == 0 ? "true" : "false";
            output.Write($"<button type=\"button\" class=\"jl-tab\" role=\"tab\" data-view=\"{Encode(tabs[i])}\" aria-selected=\"{selected}\">{Encode(tabs[i])}<span class=\"jl-count\"></span></button>");
        }

        output.Write("</div>\n");
        if (tabs.Count == 0)
        {
            output.Write("<p class=\"jl-empty\">This unit has no views.</p>\n");
        }

        // Every pane is written visible, under its name, for readers without JavaScript; the script turns them into tabs.
        foreach (var listing in listings)
        {
            WriteListing(listing, output);
        }

        if (showCfg)
        {
            WriteCfg(unit.Cfg!, output);
        }

        output.Write("</div>\n");
    }

    private static void WriteListing(CodeListing listing, TextWriter output)
    {
        output.Write($"<div class=\"jl-pane jl-listing\" role=\"tabpanel\" data-view=\"{Encode(listing.View)}\">\n");
        output.Write($"<div class=\"jl-pane-title\">{Encode(listing.View)}</div>\n");
        foreach (var instruction in listing.Instructions)
        {
            WriteInstruction(instruction, output);
        }

        output.Write("</div>\n");
    }

    private static void WriteInstruction(CodeInstruction instruction, TextWriter output)
    {
        var region = instruction.Region.ToString().ToLowerInvariant();
        var line = instruction.Region == CodeRegion.Body && instruction.Line is { } l
            ? $" data-line=\"{l.ToString(CultureInfo.InvariantCulture)}\""
            : string.Empty;
        var offset = instruction.Offset is { } o ? o.ToString("X4", CultureInfo.InvariantCulture) : string.Empty;
        output.Write($"<div class=\"jl-ins jl-region-{region}\" data-region=\"{region}\"{line}>");
        // The spaces keep offset, line and instruction apart where styles are stripped (an untrusted notebook).
        output.Write($"<span class=\"jl-off\">{offset}</span> ");
        var tag = instruction.Region == CodeRegion.Body
            ? (instruction.Line is { } bodyLine ? bodyLine.ToString(CultureInfo.InvariantCulture) : string.Empty)
            : region;
        output.Write($"<span class=\"jl-tag\">{tag}</span> ");
        if (instruction.Label is { } label && !instruction.Text.StartsWith(label, StringComparison.Ordinal))
        {
            output.Write($"<span class=\"jl-label\">{Encode(label)}:</span> ");
        }

        output.Write($"<code>{Encode(instruction.Text)}</code></div>\n");
    }
}
