using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Storage;

/// <summary>One change in the store's history. <see cref="Object"/> and <see cref="Previous"/> are never mutated.</summary>
public sealed record StoredEvent(long ResourceVersion, string Type, string StorageKey, string? Namespace, string Name, JsonObject Object, JsonObject? Previous);

/// <summary>What a watcher receives: a change, a bookmark, or the end of the initial listing.</summary>
public readonly record struct WatchItem(string Type, JsonObject? Object, long ResourceVersion, bool InitialEventsEnd = false, string? StorageKey = null)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
}
