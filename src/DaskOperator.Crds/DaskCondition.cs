using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>A Kubernetes-style condition (type, status True/False/Unknown, reason, message).</summary>
public sealed class DaskCondition
{
    [JsonPropertyName("type")]
    [Required]
    public string Type { get; set; } = "";

    [JsonPropertyName("status")]
    [Required]
    public string Status { get; set; } = "Unknown";

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    public string? LastTransitionTime { get; set; }
}
