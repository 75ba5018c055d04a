namespace DaskOperator.Crds;

/// <summary>The API group and version shared with the Python dask-kubernetes operator.</summary>
public static class DaskApi
{
    public const string Group = "kubernetes.dask.org";
    public const string Version = "v1";
    public const string ApiVersion = Group + "/" + Version;
}
