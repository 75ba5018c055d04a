namespace DaskOperator.Crds;

/// <summary>Names a custom resource the way the CRD's <c>spec.names</c> does.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CustomResourceAttribute(string kind, string plural, string singular) : Attribute
{
    public string Kind { get; } = kind;
    public string Plural { get; } = plural;
    public string Singular { get; } = singular;
    public string[] ShortNames { get; init; } = [];
}

/// <summary>One column that <c>kubectl get</c> prints.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;
    public string Type { get; } = type;
    public string JsonPath { get; } = jsonPath;
    public string? Description { get; init; }
}

/// <summary>Declares the scale subresource so <c>kubectl scale</c> and an HPA work.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScaleSubresourceAttribute(string specReplicasPath, string statusReplicasPath) : Attribute
{
    public string SpecReplicasPath { get; } = specReplicasPath;
    public string StatusReplicasPath { get; } = statusReplicasPath;
}

/// <summary>Schema description of a property.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DescriptionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>The property must be present.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>Schema default value for a property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultValueAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>Schema lower bound of a number: the API server refuses a smaller value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}

/// <summary>Schema upper bound of a number: the API server refuses a larger value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}

/// <summary>
/// A default for one field inside an embedded Kubernetes object (a PodSpec), which is otherwise kept as the
/// user wrote it; the API server fills it in when the field is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class EmbeddedDefaultAttribute(string field, string value) : Attribute
{
    public string Field { get; } = field;
    public string Value { get; } = value;
}
