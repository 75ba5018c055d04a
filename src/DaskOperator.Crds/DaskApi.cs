namespace DaskOperator.Crds;

/// <summary>The API group and version shared with the Python dask-kubernetes operator.</summary>
public static class DaskApi
{
    /// <summary>The API group, <c>kubernetes.dask.org</c>.</summary>
    public const string Group = "kubernetes.dask.org";
    /// <summary>The API version, <c>v1</c>.</summary>
    public const string Version = "v1";
    /// <summary>The <c>apiVersion</c> of every Dask resource, <c>kubernetes.dask.org/v1</c>.</summary>
    public const string ApiVersion = Group + "/" + Version;
}
