using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using JitLens.Model;

namespace JitLens.Rendering.Html;

/// <summary>
/// Writes the view as an HTML fragment that lives inside a page it does not own (a notebook's output area):
/// every style is scoped to the <c>.jitlens</c> class and the script binds only to its own root id, so several
/// views on one page never clash.
/// </summary>
public static partial class HtmlView
{
    /// <summary>A root id unique enough for many outputs on one page.</summary>
    public const string TrustSentence = "This is the plain copy of the JitLens view: trusting the notebook (File > Trust Notebook in Jupyter) brings back its colours and clickable lines.";

    public static string NewRootId() => "jl-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static string ToFragment(InspectionResult result, RenderOptions options, string? rootId = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(result, writer, options, rootId ?? NewRootId());
        return writer.ToString();
    }

    public static void Write(InspectionResult result, TextWriter output, RenderOptions options, string rootId)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var units = result.Methods.Concat(result.Kernels).ToList();
        output.Write($"<div class=\"jitlens\" id=\"{rootId}\" tabindex=\"0\">\n<style>{ViewAssets.Css}{ViewAssets.RemarksCss}</style>\n");
        // Shown only where the script did not run (it removes it): an untrusted notebook strips scripts and styles.
        output.Write($"<p class=\"jl-trust\">{Encode(TrustSentence)}</p>\n");
        WriteBar(units, output);
        foreach (var note in result.Notes)
        {
            output.Write($"<p class=\"jl-note\">{Encode(note)}</p>\n");
        }

        if (units.Count == 0)
        {
            output.Write("<p class=\"jl-empty\">No methods or kernels were found to inspect.</p>\n");
        }

        for (var i = 0; i < units.Count; i++)
        {
            WriteUnit(units[i], i, output, options);
        }

        output.Write($"<script>(function () {{\n{ViewAssets.Script}\nJitLensView(document.getElementById(\"{rootId}\"));\n}})();</script>\n</div>");
    }

    /// <summary>The controls the script brings to life: the unit filter, search within listings, tabs or side by side.</summary>
    private static void WriteBar(List<InspectedUnit> units, TextWriter output)
    {
        output.Write("<div class=\"jl-bar\">");
        if (units.Count > 1)
        {
            output.Write("<label>Method <select class=\"jl-picker\">");
            for (var i = 0; i < units.Count; i++)
            {
                output.Write($"<option value=\"{i}\">{Encode(UnitLabel(units[i]))}</option>");
            }

            output.Write("</select></label>");
        }

        output.Write("<input type=\"search\" class=\"jl-search\" placeholder=\"Search listings\" aria-label=\"Search listings\">");
        output.Write("<label><input type=\"checkbox\" class=\"jl-split-toggle\"> Views side by side</label></div>\n");
    }

    private static string UnitLabel(InspectedUnit unit)
    {
        var parts = new List<string> { unit.Kind == UnitKind.GpuKernel ? "kernel " + unit.Name : unit.Name };
        if (unit.Signature is { } signature)
        {
            parts.Add(signature);
        }

        if (unit.Tier is { } tier)
        {
            parts.Add(tier);
        }

        if (unit.Arch is { } arch)
        {
            parts.Add(arch);
        }

        return string.Join(" · ", parts);
    }

    private static void WriteUnit(InspectedUnit unit, int index, TextWriter output, RenderOptions options)
    {
        var lines = unit.Lines();
        var codeLines = lines.Where(l => l.Views.Values.Any(v => v.Count > 0)).Select(l => l.Line).ToList();
        var inlining = lines.Select(l => (l.Line, Note: Text.TextLayout.InliningNote(l))).Where(l => l.Note is not null).ToDictionary(l => l.Line, l => l.Note!);
        // Every unit is written visible: without JavaScript (an untrusted notebook, GitHub, nbviewer) all of them stay
        // readable; the script shows one at a time.
        output.Write($"<section class=\"jl-unit\" data-unit=\"{index.ToString(CultureInfo.InvariantCulture)}\" data-kind=\"{(unit.Kind == UnitKind.GpuKernel ? "kernel" : "method")}\">\n");
        WriteMeta(unit, output);
        output.Write("<div class=\"jl-main\">\n");
        WriteSource(unit, codeLines, inlining, output);
        WriteViews(unit, output, options);
        output.Write("</div>\n</section>\n");
    }

    private static void WriteMeta(InspectedUnit unit, TextWriter output)
    {
        output.Write($"<div class=\"jl-meta\"><span class=\"jl-name\">{Encode(unit.Name)}</span>");
        Badge(output, "jl-kind", unit.Kind == UnitKind.GpuKernel ? "GPU kernel" : "CPU method");
        if (unit.Signature is { } signature)
        {
            Badge(output, "jl-signature", signature);
        }

        Badge(output, "jl-tier", "tier: " + (unit.Tier ?? "n/a"));
        Badge(output, "jl-arch", "arch: " + (unit.Arch ?? (unit.Kind == UnitKind.CpuMethod ? Capture.CpuInstructionSets.Description : "n/a")));
        if (unit.CodeSize is { } size)
        {
            Badge(output, "jl-size", size.ToString(CultureInfo.InvariantCulture) + " bytes");
        }

        output.Write("<span class=\"jl-status\" aria-live=\"polite\"></span></div>\n");
        foreach (var note in unit.Notes)
        {
            output.Write($"<p class=\"jl-note\">{Encode(note)}</p>\n");
        }

        WriteRemarkSummary(unit, output);
    }

    private static void Badge(TextWriter output, string cssClass, string text) =>
        output.Write($"<span class=\"jl-badge {cssClass}\">{Encode(text)}</span>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
