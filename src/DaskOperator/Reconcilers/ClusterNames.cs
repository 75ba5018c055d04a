using System.Text.RegularExpressions;

namespace DaskOperator.Reconcilers;

/// <summary>
/// The names dask-kubernetes accepts for a cluster: an RFC 1123 label short enough that
/// <c>&lt;name&gt;-scheduler</c> still fits the 63 characters of a Service name.
/// </summary>
internal static partial class ClusterNames
{
    public const int MaxLength = 63 - 10; // len("-scheduler")

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Rfc1123Label();

    /// <summary>Why <paramref name="name"/> cannot name a cluster, in one sentence; null when it can.</summary>
    public static string? Problem(string kind, string name) =>
        name.Length <= MaxLength && Rfc1123Label().IsMatch(name) ? null
        : $"The {kind} name '{name}' is invalid: it must be at most {MaxLength} characters of lower-case letters, digits and '-', " +
          $"starting and ending with a letter or digit, so that '{name}-scheduler' is a valid Service name.";
}
