using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Api;

/// <summary>A failed API call, answered as a Kubernetes <c>Status</c> object with the matching HTTP code.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, string? name = null, string? kind = null, string? group = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Name = name;
        Kind = kind;
        Group = group;
    }

    public int Code { get; }

    public string Reason { get; }

    public string? Name { get; }

    public string? Kind { get; }

    public string? Group { get; }

    /// <summary>Field-level causes of a 422 Invalid (kubectl prints them after "is invalid:").</summary>
    public IReadOnlyList<(string Field, string Message)> Causes { get; init; } = [];

    /// <summary>The reason each cause carries: FieldValueInvalid, or FieldManagerConflict for apply conflicts.</summary>
    public string CauseReason { get; init; } = "FieldValueInvalid";

    /// <summary>A 422 with one cause per bad field, worded like the real server's validation errors.</summary>
    public static ApiException Invalid(string kind, string name, IReadOnlyList<(string Field, string Message)> causes) =>
        new(422, "Invalid", $"{kind} \"{name}\" is invalid: " + (causes.Count == 1
            ? $"{causes[0].Field}: {causes[0].Message}"
            : "[" + string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}")) + "]"), name, kind)
        {
            Causes = causes,
        };

    public static ApiException NotFound(string plural, string name, string group = "") =>
        new(404, "NotFound", $"{Qualified(plural, group)} \"{name}\" not found", name, plural, group);

    public static ApiException AlreadyExists(string plural, string name, string group = "") =>
        new(409, "AlreadyExists", $"{Qualified(plural, group)} \"{name}\" already exists", name, plural, group);

    public static ApiException Conflict(string plural, string name, string group = "") =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {Qualified(plural, group)} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            name, plural, group);

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>A 422 for one field, given as "field: message".</summary>
    public static ApiException Invalid(string kind, string name, string fieldAndMessage)
    {
        var colon = fieldAndMessage.IndexOf(": ", StringComparison.Ordinal);
        return Invalid(kind, name, [colon > 0 ? (fieldAndMessage[..colon], fieldAndMessage[(colon + 2)..]) : ("", fieldAndMessage)]);
    }

    public static ApiException Gone(string message) => new(410, "Expired", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    /// <summary>The <c>Status</c> object the real API server returns for this failure.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Name is not null || Kind is not null)
        {
            var details = new JsonObject();
            if (Name is not null)
            {
                details["name"] = Name;
            }

            if (!string.IsNullOrEmpty(Group))
            {
                details["group"] = Group;
            }

            if (Kind is not null)
            {
                details["kind"] = Kind;
            }

            if (Causes.Count > 0)
            {
                details["causes"] = new JsonArray([.. Causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = CauseReason, ["message"] = c.Message, ["field"] = c.Field,
                })]);
            }

            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    private static string Qualified(string plural, string group) => string.IsNullOrEmpty(group) ? plural : $"{plural}.{group}";
}
