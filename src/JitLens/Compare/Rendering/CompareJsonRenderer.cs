using System.Text.Encodings.Web;
using System.Text.Json;
using JitLens.Model;

namespace JitLens.Compare.Rendering;

/// <summary>
/// The comparison as JSON: <c>{"left":{"label"},"right":{"label"},"units":[{"name","left":{unit facts},"right":{..},
/// "codeSizeDelta","totals":{view:{..}},"lines":[{"left":{"line","source"},"right":{..},"sourceChanged","changed",
/// "views":{view:{"left":{"count","bytes","code"},"right":{..},"countDelta","bytesDelta","changed"}}}]}],"leftOnly","rightOnly"}</c>.
/// A side a line does not exist on is <c>null</c>; so is a size that is not known.
/// </summary>
internal sealed class CompareJsonRenderer : ICompareRenderer
{
    public string Name => "json";

    public void Render(InspectionComparison comparison, TextWriter output, CompareRenderOptions options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("left");
            json.WriteString("label", comparison.LeftLabel);
            json.WriteEndObject();
            json.WriteStartObject("right");
            json.WriteString("label", comparison.RightLabel);
            json.WriteEndObject();
            json.WriteStartArray("units");
            foreach (var unit in comparison.Units)
            {
                WriteUnit(json, unit);
            }

            json.WriteEndArray();
            WriteStrings(json, "leftOnly", comparison.LeftOnly);
            WriteStrings(json, "rightOnly", comparison.RightOnly);
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteUnit(Utf8JsonWriter json, UnitComparison unit)
    {
        json.WriteStartObject();
        json.WriteString("name", unit.Name);
        WriteFacts(json, "left", unit.Left);
        WriteFacts(json, "right", unit.Right);
        WriteNumber(json, "codeSizeDelta", unit.CodeSizeDelta);
        WriteViews(json, "totals", unit.Totals);
        json.WriteStartArray("lines");
        foreach (var row in unit.Lines)
        {
            json.WriteStartObject();
            WriteLine(json, "left", row.LeftLine, row.LeftSource);
            WriteLine(json, "right", row.RightLine, row.RightSource);
            json.WriteBoolean("sourceChanged", row.SourceChanged);
            json.WriteBoolean("changed", row.Changed);
            WriteViews(json, "views", row.Views);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter json, string name, InspectedUnit unit)
    {
        json.WriteStartObject(name);
        json.WriteString("name", unit.Name);
        json.WriteString("file", unit.Source.Path);
        json.WriteString("tier", unit.Tier);
        json.WriteString("arch", unit.Arch);
        json.WriteString("signature", unit.Signature);
        WriteNumber(json, "codeSize", unit.CodeSize);
        json.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter json, string name, int? line, string source)
    {
        if (line is not { } l)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("line", l);
        json.WriteString("source", source);
        json.WriteEndObject();
    }

    private static void WriteViews(Utf8JsonWriter json, string name, IEnumerable<ViewDelta> views)
    {
        json.WriteStartObject(name);
        foreach (var view in views)
        {
            json.WriteStartObject(view.View);
            WriteSide(json, "left", view.Left);
            WriteSide(json, "right", view.Right);
            json.WriteNumber("countDelta", view.CountDelta);
            WriteNumber(json, "bytesDelta", view.BytesDelta);
            json.WriteBoolean("changed", view.Changed);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, SideCode side)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", side.Count);
        WriteNumber(json, "bytes", side.Bytes);
        WriteStrings(json, "code", side.Code);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
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
}
