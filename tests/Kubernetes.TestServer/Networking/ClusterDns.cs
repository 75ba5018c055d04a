using System.Text.RegularExpressions;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Networking;

/// <summary>
/// Stands in for cluster DNS: service host names in a container's environment and arguments are rewritten to the
/// service's cluster IP before the process starts. Recognised: <c>svc.ns.svc.cluster.local</c>, <c>svc.ns.svc</c>,
/// <c>svc.ns</c> and <c>svc</c>, when a whole value (or the part after <c>--flag=</c>) is an address:
/// <c>[scheme://]host[:port][/path]</c>. A bare <c>svc</c> needs a port or a scheme, so ordinary words stay.
/// </summary>
public sealed partial class ClusterDns
{
    private readonly ObjectStore _store;

    public ClusterDns(ObjectStore store) => _store = store;

    /// <summary>
    /// Rewrites an address such as <c>tcp://sched.ns.svc.cluster.local:8786</c> to the service's cluster IP
    /// (<c>tcp://127.200.1.2:8786</c>); anything that is not a known service's address comes back unchanged.
    /// </summary>
    public string Rewrite(string value, string podNamespace = "default")
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (value.StartsWith('-') && equals > 0)
        {
            return value[..(equals + 1)] + Rewrite(value[(equals + 1)..], podNamespace);
        }

        var match = AddressRegex().Match(value);
        if (!match.Success)
        {
            return value;
        }

        var hasContext = match.Groups["scheme"].Length > 0 || match.Groups["port"].Length > 0;
        var ip = Resolve(match.Groups["host"].Value, podNamespace, hasContext);
        return ip is null ? value : match.Groups["scheme"].Value + ip + match.Groups["port"].Value + match.Groups["rest"].Value;
    }

    /// <summary>The cluster IP for a service host name, or null when the name is not a known service.</summary>
    public string? Resolve(string host, string podNamespace, bool hasContext = true)
    {
        var name = host.ToLowerInvariant();
        foreach (var suffix in new[] { ".svc.cluster.local", ".svc" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        var parts = name.Split('.');
        var (service, ns) = parts switch
        {
            [var s] when hasContext => (s, podNamespace),
            [var s, var n] => (s, n),
            _ => (null, null),
        };
        if (service is null)
        {
            return null;
        }

        var ip = _store.Get(BuiltinResources.Services, ns, service)?.Str("spec", "clusterIP");
        return string.IsNullOrEmpty(ip) || ip == "None" ? null : ip;
    }

    [GeneratedRegex(@"^(?<scheme>[a-z][a-z0-9+.-]*://)?(?<host>[A-Za-z0-9](?:[-A-Za-z0-9.]*[A-Za-z0-9])?)(?<port>:\d+)?(?<rest>/.*)?$")]
    private static partial Regex AddressRegex();
}
