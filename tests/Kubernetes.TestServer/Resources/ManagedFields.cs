using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>
/// Field ownership, kept in <c>metadata.managedFields</c> as the real server keeps it, so that server-side apply
/// behaves as helm 4 and <c>kubectl apply --server-side</c> rely on: a manager's apply owns the fields it sent; a
/// field it sent before and omits now is removed unless another manager owns it too; applying a value that differs
/// from one another manager owns is a 409 conflict naming the fields, unless forced (then the field changes hands).
/// Other writes (create, update, patches) give their manager the fields whose values they changed. Status is not
/// tracked; managedFields that clients send are ignored.
/// </summary>
public static class ManagedFields
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    /// <summary>Who wrote when the request named no field manager and came from inside the server.</summary>
    public const string DefaultManager = "kubernetes-test-server";

    private sealed record Entry(string Manager, string Operation, string ApiVersion, FieldSet Fields, string Time);

    public static void OnCreate(ResourceType type, JsonObject created, string? manager, JsonObject? applied)
    {
        var fields = FieldSet.Of(type, applied ?? created);
        Store(created, [new Entry(manager ?? DefaultManager, applied is null ? UpdateOperation : ApplyOperation, type.ApiVersion, fields, Json.Now())]);
    }

    public static void OnUpdate(ResourceType type, JsonObject current, JsonObject next, string? manager)
    {
        var entries = Read(current);
        var before = FieldSet.Of(type, current);
        var after = FieldSet.Of(type, next);
        var changed = after.Where(p => !before.Contains(p) || !FieldSet.ValueAt(current, p).SameAs(FieldSet.ValueAt(next, p)));
        var gone = before.Except(after);
        if (changed.IsEmpty && gone.IsEmpty)
        {
            Store(next, entries);
            return;
        }
        entries = [.. entries.Select(e => e with { Fields = e.Fields.Except(changed).Except(gone) })];
        Upsert(entries, manager ?? DefaultManager, UpdateOperation, type.ApiVersion, own => own.Union(changed));
        Store(next, entries);
    }

    /// <summary>
    /// The merged result of an apply, minus what the manager stopped applying and nobody else owns; records the
    /// manager's new set on <paramref name="merged"/> (call <see cref="Keep"/> after composing the stored object).
    /// </summary>
    public static JsonArray Apply(ResourceType type, JsonObject current, JsonObject merged, JsonObject applied, string manager, bool force)
    {
        var entries = Read(current);
        var sent = FieldSet.Of(type, applied);
        var others = entries.Where(e => e.Manager != manager).ToList();
        var conflicts = sent.Where(p => p[^1] != "." && FieldSet.ValueAt(current, p) is { } live && !live.SameAs(FieldSet.ValueAt(applied, p)))
            .Paths.SelectMany(p => others.Where(e => e.Fields.Contains(p)).Select(e => (Path: p, e.Manager, e.ApiVersion))).ToList();
        if (conflicts.Count > 0 && !force)
        {
            throw Conflict(type, current.Name(), conflicts);
        }

        var taken = sent.Where(p => conflicts.Any(c => c.Path.SequenceEqual(p)));
        entries = [.. entries.Select(e => e.Manager == manager ? e : e with { Fields = e.Fields.Except(taken) })];

        var previous = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ApplyOperation)?.Fields ?? FieldSet.Empty;
        foreach (var path in previous.Except(sent).Paths)
        {
            var owned = path[^1] == "." ? path[..^1] : path;
            if (!entries.Any(e => !(e.Manager == manager && e.Operation == ApplyOperation) && e.Fields.Covers(owned)) && !sent.Covers(owned))
            {
                FieldSet.Remove(merged, path);
            }
        }
        Upsert(entries, manager, ApplyOperation, type.ApiVersion, _ => sent);
        return ToJson(entries);
    }

    /// <summary>Puts ownership worked out before the object was composed onto the object to store.</summary>
    public static void Keep(JsonObject obj, JsonArray managedFields) => obj.Metadata()["managedFields"] = managedFields;

    private static void Upsert(List<Entry> entries, string manager, string operation, string apiVersion, Func<FieldSet, FieldSet> fields)
    {
        var index = entries.FindIndex(e => e.Manager == manager && e.Operation == operation);
        var own = index >= 0 ? entries[index].Fields : FieldSet.Empty;
        var entry = new Entry(manager, operation, apiVersion, fields(own), Json.Now());
        if (index >= 0)
        {
            entries[index] = entry;
        }
        else
        {
            entries.Add(entry);
        }
    }

    private static List<Entry> Read(JsonObject obj) =>
        (obj.At("metadata", "managedFields") as JsonArray ?? []).OfType<JsonObject>().Select(e => new Entry(
            e.Str("manager") ?? "", e.Str("operation") ?? UpdateOperation, e.Str("apiVersion") ?? "",
            FieldSet.FromFieldsV1(e["fieldsV1"] as JsonObject), e.Str("time") ?? "")).ToList();

    private static void Store(JsonObject obj, List<Entry> entries) => Keep(obj, ToJson(entries));

    private static JsonArray ToJson(List<Entry> entries) => new([.. entries.Where(e => !e.Fields.IsEmpty).Select(e => (JsonNode)new JsonObject
    {
        ["manager"] = e.Manager,
        ["operation"] = e.Operation,
        ["apiVersion"] = e.ApiVersion,
        ["time"] = e.Time,
        ["fieldsType"] = "FieldsV1",
        ["fieldsV1"] = e.Fields.ToFieldsV1(),
    })]);

    /// <summary>The real server's wording: <c>Apply failed with 1 conflict: conflict with "kubectl" using v1: .spec.replicas</c>.</summary>
    private static ApiException Conflict(ResourceType type, string name, List<(string[] Path, string Manager, string ApiVersion)> conflicts)
    {
        var lines = conflicts.Select(c => (Field: FieldSet.Describe(c.Path), Message: $"conflict with \"{c.Manager}\" using {c.ApiVersion}")).ToList();
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: {lines[0].Message}: {lines[0].Field}"
            : $"Apply failed with {conflicts.Count} conflicts: " + string.Join("\n", lines.Select(l => $"{l.Message}: {l.Field}"));
        return new ApiException(409, "Conflict", message, name, type.Plural, type.Group)
        {
            Causes = lines,
            CauseReason = "FieldManagerConflict",
        };
    }
}
