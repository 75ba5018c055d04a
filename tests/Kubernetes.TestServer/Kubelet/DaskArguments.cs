namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// Every pod shares the host's network here, so Dask processes must listen on their pod's own loopback address:
/// <c>--host</c> is set to the pod IP (added when absent, replacing 0.0.0.0 and the like), and dashboard
/// addresses keep their port but move to the pod IP. This is the one place the server edits a pod's command.
/// </summary>
public static class DaskArguments
{
    public static List<string> BindToPod(string program, IReadOnlyList<string> args, string podIp)
    {
        var subcommand = program == "dask" && args.Count > 0 ? args[0] : null;
        var role = program switch
        {
            "dask-scheduler" => "scheduler",
            "dask-worker" => "worker",
            _ => subcommand,
        };
        if (role is not ("scheduler" or "worker"))
        {
            return [.. args];
        }

        var result = new List<string>(args);
        var sawHost = Replace(result, "--host", _ => podIp);
        var sawDashboard = Replace(result, "--dashboard-address", value => $"{podIp}:{Port(value)}");
        if (!sawHost)
        {
            result.AddRange(["--host", podIp]);
        }

        if (!sawDashboard && role == "scheduler")
        {
            result.AddRange(["--dashboard-address", $"{podIp}:8787"]);
        }

        return result;
    }

    private static bool Replace(List<string> args, string flag, Func<string, string> rewrite)
    {
        var seen = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == flag && i + 1 < args.Count)
            {
                args[i + 1] = rewrite(args[i + 1]);
                seen = true;
                i++;
            }
            else if (args[i].StartsWith(flag + "=", StringComparison.Ordinal))
            {
                args[i] = flag + "=" + rewrite(args[i][(flag.Length + 1)..]);
                seen = true;
            }
        }

        return seen;
    }

    private static string Port(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon >= 0 ? address[(colon + 1)..] : address;
    }
}
