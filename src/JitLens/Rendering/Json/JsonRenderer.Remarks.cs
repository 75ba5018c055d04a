using System.Text.Json;
using JitLens.Model;

namespace JitLens.Rendering.Json;

/// <summary>
/// Codegen remarks in the JSON contract: <c>"remarks":[{"kind","message","evidence":"exact"|"inferred","view","inLoop"}]</c>
/// on each line that has any, and on the unit <c>remarkSummary</c> plus <c>remarks</c> that no line owns.
/// </summary>
internal sealed partial class JsonRenderer
{
    private static void WriteRemarks(Utf8JsonWriter json, IEnumerable<CodeRemark> remarks)
    {
        var list = remarks.ToList();
        if (list.Count == 0)
        {
            return;
        }

        json.WriteStartArray("remarks");
        foreach (var remark in list)
        {
            json.WriteStartObject();
            json.WriteString("kind", remark.Kind);
            json.WriteString("message", remark.Message);
            json.WriteString("evidence", remark.Evidence == RemarkEvidence.Exact ? "exact" : "inferred");
            json.WriteString("view", remark.View);
            json.WriteBoolean("inLoop", remark.InLoop);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRemarkSummary(Utf8JsonWriter json, InspectedUnit unit)
    {
        if (unit.RemarkSummary is { } summary)
        {
            json.WriteString("remarkSummary", summary);
        }

        WriteRemarks(json, unit.Remarks.Where(r => r.Line is null));
    }
}
