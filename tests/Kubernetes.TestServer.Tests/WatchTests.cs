using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubernetes.TestServer.Tests;

/// <summary>Watch semantics as the official C# client sees them: ordered events, resume, 410 Gone, bookmarks, drops.</summary>
public sealed class WatchTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(new TestClusterOptions { BookmarkInterval = TimeSpan.FromMilliseconds(300) });
        _client = ClusterClient.For(_cluster);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Should_stream_added_modified_and_deleted_events_after_the_listed_resource_version()
    {
        // Given a config map that exists before the watch starts
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("before"), "default");
        var listed = await _client.CoreV1.ListNamespacedConfigMapAsync("default");

        // When a watch resumes from the listed version and the map changes, a second appears and the first goes
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<(WatchEventType Type, string Name)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: listed.Metadata.ResourceVersion, cancellationToken: cts.Token))
            {
                events.Add((type, item.Metadata.Name));
                if (events.Count == 3)
                {
                    break;
                }
            }
        }, cts.Token);
        await Eventually.WaitAsync(() => _cluster.Store.OpenWatchCount, n => n == 1, what: "the watch to open");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v2"}}""", V1Patch.PatchType.MergePatch), "before", "default");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("after"), "default");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("before", "default");
        await watching;

        // Then exactly those changes arrive, in order, and nothing from before the listed version
        Assert.Equal([(WatchEventType.Modified, "before"), (WatchEventType.Added, "after"), (WatchEventType.Deleted, "before")], events);
    }

    [Fact]
    public async Task Should_report_410_Gone_when_resuming_from_a_compacted_resource_version()
    {
        // Given a resource version whose history has since been compacted
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("first"), "default");
        var old = (await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("second"), "default");
        _cluster.CompactHistory();

        // When a watch resumes from it
        Exception? error = null;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var _ in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: old, onError: e => error = e, cancellationToken: cts.Token))
        {
            Assert.Fail("no event may arrive from a compacted resource version");
        }

        // Then the client gets the 410 Expired status, as from a real API server
        var status = Assert.IsType<KubernetesException>(error).Status;
        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);
    }

    [Fact]
    public async Task Should_send_bookmarks_to_watches_that_allow_them()
    {
        // Given a watch that allows bookmarks
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var listed = await _client.CoreV1.ListNamespacedConfigMapAsync("default");

        // When nothing changes for a while
        WatchEventType? first = null;
        string? version = null;
        await foreach (var (type, item) in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", allowWatchBookmarks: true, resourceVersion: listed.Metadata.ResourceVersion, cancellationToken: cts.Token))
        {
            first = type;
            version = item.Metadata.ResourceVersion;
            break;
        }

        // Then a bookmark carries the current resource version
        Assert.Equal(WatchEventType.Bookmark, first);
        Assert.Equal(listed.Metadata.ResourceVersion, version);
    }

    [Fact]
    public async Task Should_deliver_a_deleted_event_when_an_object_leaves_the_label_selector()
    {
        // Given a labelled config map and a watch on that label
        var map = ConfigMap("labelled");
        map.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "gold" };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(map, "default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<WatchEventType>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, _) in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", labelSelector: "tier=gold", cancellationToken: cts.Token))
            {
                events.Add(type);
                if (events.Count == 2)
                {
                    break;
                }
            }
        }, cts.Token);

        // When the label changes so that the selector no longer matches
        await Eventually.WaitAsync(() => events.Count, n => n == 1, what: "the initial ADDED event");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"tier":"silver"}}}""", V1Patch.PatchType.MergePatch), "labelled", "default");
        await watching;

        // Then the watcher sees it added, then deleted from its view
        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted], events);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_break_open_watches_when_the_test_drops_them(bool abortConnections)
    {
        // Given an open watch that has delivered an event (the C# client fails a stream that ends before any)
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("seen"), "default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in _client.CoreV1.WatchListNamespacedConfigMapAsync("default", cancellationToken: cts.Token))
                {
                }

                return "ended";
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return "reset";
            }
        }, cts.Token);
        await Eventually.WaitAsync(() => _cluster.Store.OpenWatchCount, n => n == 1, what: "the watch to open");

        // When the test drops all watches
        var dropped = _cluster.DropWatches(abortConnections);

        // Then the client's stream breaks (reset) or ends cleanly, well before its own deadline
        var outcome = await watching.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, dropped);
        Assert.Equal(abortConnections ? "reset" : "ended", outcome);
    }

    [Fact]
    public async Task Should_end_a_watch_cleanly_when_its_timeout_elapses()
    {
        // Given a raw watch request with a one-second timeout and nothing happening
        using var http = new HttpClient { BaseAddress = _cluster.Url, Timeout = TimeSpan.FromSeconds(60) };

        // When it is read to the end
        using var response = await http.GetAsync(new Uri("/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        // Then the server ended the stream itself (the client would have given up at 60 s), successfully and empty
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", body);
    }

    private static V1ConfigMap ConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = new Dictionary<string, string> { ["k"] = "v1" },
    };
}
