namespace Kubernetes.TestServer.Resources;

/// <summary>One served resource at one version: what discovery lists and what the REST handlers route to.</summary>
public sealed record ResourceType
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    public required string Plural { get; init; }

    public required bool Namespaced { get; init; }

    public string Singular { get; init; } = "";

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public bool HasStatus { get; init; }

    public ScaleSubresource? Scale { get; init; }

    public IReadOnlyList<PrinterColumn> Columns { get; init; } = [];

    /// <summary>True for custom resources (served from a CRD): they take JSON merge patches, not strategic ones.</summary>
    public bool IsCustom { get; init; }

    /// <summary>The CRD version's <c>openAPIV3Schema</c>, applied on writes (defaults, pruning, validation).</summary>
    public System.Text.Json.Nodes.JsonObject? Schema { get; init; }

    /// <summary>Name of the CRD that serves this type, if any.</summary>
    public string? DefinedBy { get; init; }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    /// <summary>Objects are stored once per group and resource, whatever version they are read at.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    public string ListKind => Kind + "List";

    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}

/// <summary>The scale subresource as a CRD declares it.</summary>
public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);

/// <summary>A column in the Table that <c>kubectl get</c> prints.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", int Priority = 0, string Format = "");
