using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Kubernetes.TestServer.Storage;

/// <summary>An open watch on one resource: the store pushes matching changes into it in resource-version order.</summary>
public sealed class Watcher : IDisposable
{
    private readonly Channel<WatchItem> _channel = Channel.CreateUnbounded<WatchItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ObjectStore _store;

    internal Watcher(ObjectStore store, string storageKey, string? ns, Func<JsonObject, bool> matches, bool bookmarks)
    {
        _store = store;
        StorageKey = storageKey;
        Namespace = ns;
        Matches = matches;
        Bookmarks = bookmarks;
    }

    /// <summary>The storage key internal controllers use to see every kind.</summary>
    public const string AllKinds = "*";

    public string StorageKey { get; }

    public string? Namespace { get; }

    public bool Bookmarks { get; }

    /// <summary>True once the watch was dropped from the server side (<see cref="ObjectStore.DropWatches"/>).</summary>
    public bool Dropped { get; private set; }

    /// <summary>True when the drop should reset the connection rather than end the stream cleanly.</summary>
    public bool AbortConnection { get; private set; }

    public ChannelReader<WatchItem> Reader => _channel.Reader;

    internal Func<JsonObject, bool> Matches { get; }

    /// <summary>Internal watchers (the server's own controllers) survive <see cref="ObjectStore.DropWatches"/>.</summary>
    internal bool Internal { get; init; }

    internal void Offer(StoredEvent change)
    {
        if ((StorageKey != AllKinds && change.StorageKey != StorageKey) || (Namespace is not null && change.Namespace != Namespace))
        {
            return;
        }

        var now = Matches(change.Object);
        var before = change.Previous is not null && Matches(change.Previous);
        var type = change.Type switch
        {
            WatchItem.Deleted => now || before ? WatchItem.Deleted : null,
            _ when now && before => WatchItem.Modified,
            _ when now => WatchItem.Added,
            _ when before => WatchItem.Deleted,
            _ => null,
        };
        if (type is not null)
        {
            _channel.Writer.TryWrite(new WatchItem(type, change.Object, change.ResourceVersion, StorageKey: change.StorageKey));
        }
    }

    internal void Write(WatchItem item) => _channel.Writer.TryWrite(item);

    internal void Drop(bool abortConnection)
    {
        Dropped = true;
        AbortConnection = abortConnection;
        _channel.Writer.TryComplete();
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _store.Unregister(this);
    }
}
