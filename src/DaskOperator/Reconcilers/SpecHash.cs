using System.Security.Cryptography;
using System.Text;
using DaskOperator.Crds;

namespace DaskOperator.Reconcilers;

/// <summary>A short stable hash of a template; a pod whose annotation differs was made from an older spec.</summary>
internal static class SpecHash
{
    public static string Of(params object?[] parts)
    {
        var json = string.Join("\n", parts.Select(p => p is null ? "null" : DaskJson.SerializeObject(p)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..10];
    }
}
