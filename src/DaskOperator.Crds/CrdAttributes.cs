namespace DaskOperator.Crds;

/// <summary>Names a custom resource the way the CRD's <c>spec.names</c> does.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CustomResourceAttribute(string kind, string plural, string singular) : Attribute
{
    /// <summary>The kind, e.g. <c>DaskCluster</c>.</summary>
    public string Kind { get; } = kind;
    /// <summary>The plural resource name in URLs, e.g. <c>daskclusters</c>.</summary>
    public string Plural { get; } = plural;
    /// <summary>The singular name, e.g. <c>daskcluster</c>.</summary>
    public string Singular { get; } = singular;
    /// <summary>Short names kubectl accepts, e.g. <c>dsk</c>.</summary>
    public string[] ShortNames { get; init; } = [];
}

/// <summary>One column that <c>kubectl get</c> prints.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    /// <summary>The column header.</summary>
    public string Name { get; } = name;
    /// <summary>The OpenAPI type of the value (string, integer, date).</summary>
    public string Type { get; } = type;
    /// <summary>Where the value is, e.g. <c>.status.phase</c>.</summary>
    public string JsonPath { get; } = jsonPath;
    /// <summary>What the column means.</summary>
    public string? Description { get; init; }
}

/// <summary>Declares the scale subresource so <c>kubectl scale</c> and an HPA work.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScaleSubresourceAttribute(string specReplicasPath, string statusReplicasPath) : Attribute
{
    /// <summary>The desired replicas, e.g. <c>.spec.worker.replicas</c>.</summary>
    public string SpecReplicasPath { get; } = specReplicasPath;
    /// <summary>The observed replicas, e.g. <c>.status.replicas</c>.</summary>
    public string StatusReplicasPath { get; } = statusReplicasPath;
}

/// <summary>Schema description of a property.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DescriptionAttribute(string text) : Attribute
{
    /// <summary>The description text.</summary>
    public string Text { get; } = text;
}

/// <summary>The property must be present.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>Schema default value for a property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultValueAttribute(object value) : Attribute
{
    /// <summary>The default the API server fills in.</summary>
    public object Value { get; } = value;
}

/// <summary>Schema lower bound of a number: the API server refuses a smaller value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    /// <summary>The smallest value allowed.</summary>
    public long Value { get; } = value;
}

/// <summary>Schema upper bound of a number: the API server refuses a larger value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long value) : Attribute
{
    /// <summary>The largest value allowed.</summary>
    public long Value { get; } = value;
}

/// <summary>
/// A default for one field inside an embedded Kubernetes object (a PodSpec), which is otherwise kept as the
/// user wrote it; the API server fills it in when the field is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class EmbeddedDefaultAttribute(string field, string value) : Attribute
{
    /// <summary>The field of the embedded object that gets the default.</summary>
    public string Field { get; } = field;
    /// <summary>The default of that field.</summary>
    public string Value { get; } = value;
}
