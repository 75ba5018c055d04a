using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>A Kubernetes-style condition (type, status True/False/Unknown, reason, message).</summary>
public sealed class DaskCondition
{
    /// <summary>What the condition is about, e.g. <c>SchedulerReady</c>.</summary>
    [JsonPropertyName("type")]
    [Required]
    public string Type { get; set; } = "";

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    [JsonPropertyName("status")]
    [Required]
    public string Status { get; set; } = "Unknown";

    /// <summary>A CamelCase reason for the last transition.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A sentence for people.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>When the status last changed (RFC 3339).</summary>
    [JsonPropertyName("lastTransitionTime")]
    public string? LastTransitionTime { get; set; }
}
