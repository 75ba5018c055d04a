namespace Kubernetes.TestServer.Resources;

/// <summary>Query options shared by writes: <c>dryRun=All</c>, <c>fieldManager</c>, <c>force</c> (server-side apply), <c>fieldValidation=Strict</c>.</summary>
public sealed record WriteOptions(bool DryRun = false, string? FieldManager = null, bool Force = false, bool StrictFields = false)
{
    public static WriteOptions Default { get; } = new();
}

/// <summary>The parts of <c>DeleteOptions</c> this server honours.</summary>
public sealed record DeleteOptions(string? PropagationPolicy = null, long? GracePeriodSeconds = null, string? PreconditionUid = null, string? PreconditionResourceVersion = null, bool DryRun = false)
{
    public static DeleteOptions Default { get; } = new();
}
