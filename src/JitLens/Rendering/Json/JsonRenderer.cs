using System.Text.Encodings.Web;
using System.Text.Json;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Rendering.Json;

/// <summary>
/// The stable JSON contract: <c>{"methods":[{"name","tier","codeSize","lines":[{"line","source","il":[..],"asm":[..]}]}],"kernels":[..]}</c>,
/// one array per view present, plus <c>regions</c> (prolog/epilog/unmapped code), <c>cfg</c> and <c>notes</c>;
/// where remarks were found, <c>remarks</c> per line and <c>remarkSummary</c> per unit.
/// </summary>
internal sealed partial class JsonRenderer : IRenderer
{
    public string Name => "json";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteUnits(json, "methods", result.Methods, options);
            WriteUnits(json, "kernels", result.Kernels, options);
            WriteStrings(json, "notes", result.Notes);
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteUnits(Utf8JsonWriter json, string name, IEnumerable<InspectedUnit> units, RenderOptions options)
    {
        json.WriteStartArray(name);
        foreach (var unit in units)
        {
            WriteUnit(json, unit, options);
        }

        json.WriteEndArray();
    }

    private static void WriteUnit(Utf8JsonWriter json, InspectedUnit unit, RenderOptions options)
    {
        var views = ViewOrder.For(unit, options);
        json.WriteStartObject();
        json.WriteString("name", unit.Name);
        json.WriteString("file", unit.Source.Path);
        WriteOptional(json, "tier", unit.Tier);
        WriteOptional(json, "arch", unit.Arch);
        WriteOptional(json, "signature", unit.Signature);
        if (unit.CodeSize is { } size)
        {
            json.WriteNumber("codeSize", size);
        }

        json.WriteStartArray("lines");
        foreach (var line in unit.Lines())
        {
            json.WriteStartObject();
            json.WriteNumber("line", line.Line);
            json.WriteString("source", line.Source);
            foreach (var view in views)
            {
                WriteStrings(json, view, line.Views[view].Select(i => i.Text));
            }

            // Only where the compiler inlined one function into another: the lines of the inlined code, and the calls.
            WriteLines(json, "inlines", line.Inlines);
            WriteLines(json, "inlinedAt", line.InlinedAt);
            WriteRemarks(json, line.Remarks);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteRegions(json, unit, views);
        if (unit.Cfg is { } cfg)
        {
            WriteCfg(json, cfg);
        }

        WriteStrings(json, "notes", unit.Notes);
        WriteRemarkSummary(json, unit);
        json.WriteEndObject();
    }

    private static void WriteRegions(Utf8JsonWriter json, InspectedUnit unit, IReadOnlyList<string> views)
    {
        json.WriteStartArray("regions");
        foreach (var region in ViewOrder.Regions)
        {
            var present = views.Where(v => unit.Views[v].InRegion(region).Any()).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("kind", ViewOrder.Name(region));
            foreach (var view in present)
            {
                WriteStrings(json, view, unit.Views[view].InRegion(region).Select(i => i.Text));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCfg(Utf8JsonWriter json, ControlFlowGraph cfg)
    {
        json.WriteStartObject(CfgView.Id);
        json.WriteString("view", cfg.View);
        json.WriteStartArray("blocks");
        foreach (var block in cfg.Blocks)
        {
            json.WriteStartObject();
            json.WriteString("id", block.Id);
            json.WriteStartArray("lines");
            foreach (var line in block.Lines)
            {
                json.WriteNumberValue(line);
            }

            json.WriteEndArray();
            WriteStrings(json, "instructions", block.Instructions);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var edge in cfg.Edges)
        {
            json.WriteStartArray();
            json.WriteStringValue(edge.From);
            json.WriteStringValue(edge.To);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("edgeKinds");
        foreach (var edge in cfg.Edges)
        {
            json.WriteStringValue(edge.Kind.ToString().ToLowerInvariant());
        }

        json.WriteEndArray();
        WriteOptional(json, "svg", cfg.Svg);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteLines(Utf8JsonWriter json, string name, IReadOnlyList<int> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var line in lines)
        {
            json.WriteNumberValue(line);
        }

        json.WriteEndArray();
    }
}
