using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;

namespace Kubernetes.TestServer.Storage;

/// <summary>
/// All objects, one global resource version, and a bounded history of changes that watches replay from.
/// Stored objects are immutable: readers get clones, writers hand in new objects.
/// </summary>
public sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _byUid = new(StringComparer.Ordinal);
    private readonly Queue<StoredEvent> _history = new();
    private readonly List<Watcher> _watchers = [];
    private readonly int _historyLimit;
    private long _resourceVersion = 1;
    private long _compactedThrough = 1;

    public ObjectStore(int historyLimit) => _historyLimit = historyLimit;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public JsonObject? Get(ResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return Bucket(type.StorageKey).TryGetValue(Key(ns, name), out var obj) ? obj.Clone() : null;
        }
    }

    public JsonObject? GetByUid(string uid)
    {
        lock (_gate)
        {
            return _byUid.TryGetValue(uid, out var obj) ? obj.Clone() : null;
        }
    }

    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(ResourceType type, string? ns, Func<JsonObject, bool>? matches = null)
    {
        lock (_gate)
        {
            var items = Bucket(type.StorageKey).Values
                .Where(o => (ns is null || o.Namespace() == ns) && (matches is null || matches(o)))
                .Select(o => o.Clone())
                .ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>Every stored object whose owner references name <paramref name="ownerUid"/>, with its storage key.</summary>
    public IReadOnlyList<(string StorageKey, JsonObject Object)> Dependents(string ownerUid)
    {
        lock (_gate)
        {
            return [.. _objects
                .SelectMany(bucket => bucket.Value.Values.Select(o => (bucket.Key, o)))
                .Where(p => p.o.At("metadata", "ownerReferences") is JsonArray refs && refs.Any(r => r.Str("uid") == ownerUid))
                .Select(p => (p.Key, p.o.Clone()))];
        }
    }

    public JsonObject Create(ResourceType type, JsonObject obj)
    {
        lock (_gate)
        {
            var bucket = Bucket(type.StorageKey);
            var key = Key(obj.Namespace(), obj.Name());
            if (bucket.ContainsKey(key))
            {
                throw ApiException.AlreadyExists(type.Plural, obj.Name(), type.Group);
            }

            var stored = Stamp(obj);
            bucket[key] = stored;
            _byUid[stored.Uid()] = stored;
            Publish(new StoredEvent(_resourceVersion, WatchItem.Added, type.StorageKey, stored.Namespace(), stored.Name(), stored, null));
            return stored.Clone();
        }
    }

    /// <summary>
    /// Atomically replaces an object with what <paramref name="change"/> makes of a clone of it.
    /// Returning the same content leaves the object and its resource version untouched, as the real server does.
    /// </summary>
    public JsonObject Update(ResourceType type, string? ns, string name, Func<JsonObject, JsonObject> change)
    {
        lock (_gate)
        {
            var bucket = Bucket(type.StorageKey);
            var key = Key(ns, name);
            if (!bucket.TryGetValue(key, out var current))
            {
                throw ApiException.NotFound(type.Plural, name, type.Group);
            }

            var next = change(current.Clone());
            next.Metadata()["resourceVersion"] = current.Str("metadata", "resourceVersion");
            if (next.SameAs(current))
            {
                return current.Clone();
            }

            var stored = Stamp(next);
            bucket[key] = stored;
            _byUid[stored.Uid()] = stored;
            Publish(new StoredEvent(_resourceVersion, WatchItem.Modified, type.StorageKey, ns, name, stored, current));
            return stored.Clone();
        }
    }

    public JsonObject Remove(ResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            var bucket = Bucket(type.StorageKey);
            var key = Key(ns, name);
            if (!bucket.Remove(key, out var current))
            {
                throw ApiException.NotFound(type.Plural, name, type.Group);
            }

            _byUid.Remove(current.Uid());
            var final = Stamp(current.Clone());
            Publish(new StoredEvent(_resourceVersion, WatchItem.Deleted, type.StorageKey, ns, name, final, current));
            return final.Clone();
        }
    }

    /// <summary>
    /// Opens a watch. Without a resource version (or "0") it starts with the current objects as ADDED events;
    /// with one it replays the history after it, or fails with 410 Gone when that history was compacted.
    /// </summary>
    public Watcher Watch(ResourceType type, string? ns, long? fromVersion, Func<JsonObject, bool> matches, bool bookmarks, bool sendInitialEvents = false, bool isInternal = false)
    {
        lock (_gate)
        {
            var watcher = new Watcher(this, type.StorageKey, ns, matches, bookmarks) { Internal = isInternal };
            if (fromVersion is null or 0 || sendInitialEvents)
            {
                foreach (var obj in Bucket(type.StorageKey).Values.Where(o => (ns is null || o.Namespace() == ns) && matches(o)))
                {
                    watcher.Write(new WatchItem(WatchItem.Added, obj, _resourceVersion));
                }

                if (sendInitialEvents)
                {
                    watcher.Write(new WatchItem(WatchItem.Bookmark, null, _resourceVersion, InitialEventsEnd: true));
                }
            }
            else
            {
                if (fromVersion < _compactedThrough)
                {
                    throw ApiException.Gone($"too old resource version: {fromVersion} ({_compactedThrough})");
                }

                foreach (var change in _history.Where(e => e.ResourceVersion > fromVersion))
                {
                    watcher.Offer(change);
                }
            }

            _watchers.Add(watcher);
            return watcher;
        }
    }

    /// <summary>A watch on every kind, from now on, for the server's own controllers.</summary>
    public Watcher WatchAll()
    {
        lock (_gate)
        {
            var watcher = new Watcher(this, Watcher.AllKinds, null, _ => true, bookmarks: false) { Internal = true };
            _watchers.Add(watcher);
            return watcher;
        }
    }

    /// <summary>Ends every client watch (the server's own controllers keep theirs); clients must re-list or resume.</summary>
    public int DropWatches(bool abortConnections = true)
    {
        lock (_gate)
        {
            var dropped = _watchers.Where(w => !w.Internal).ToList();
            foreach (var watcher in dropped)
            {
                watcher.Drop(abortConnections);
                _watchers.Remove(watcher);
            }

            return dropped.Count;
        }
    }

    /// <summary>Forgets all history so far: a watch from any older resource version now gets 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    public void SendBookmarks()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers.Where(w => w.Bookmarks))
            {
                watcher.Write(new WatchItem(WatchItem.Bookmark, null, _resourceVersion));
            }
        }
    }

    public int OpenWatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count(w => !w.Internal);
            }
        }
    }

    internal void Unregister(Watcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
    }

    private JsonObject Stamp(JsonObject obj)
    {
        _resourceVersion++;
        obj.Metadata()["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return obj;
    }

    private void Publish(StoredEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > _historyLimit)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Offer(change);
        }
    }

    private SortedDictionary<string, JsonObject> Bucket(string storageKey)
    {
        if (!_objects.TryGetValue(storageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[storageKey] = bucket;
        }

        return bucket;
    }

    private static string Key(string? ns, string name) => $"{ns}/{name}";
}
