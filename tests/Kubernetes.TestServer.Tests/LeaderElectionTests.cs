using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace Kubernetes.TestServer.Tests;

/// <summary>Leader election through a coordination.k8s.io Lease, with the official client's elector.</summary>
public sealed class LeaderElectionTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Should_let_exactly_one_of_two_candidates_lead_and_hand_over_when_it_stops()
    {
        // Given two candidates for the same lease
        using var clientA = ClusterClient.For(_cluster);
        using var clientB = ClusterClient.For(_cluster);
        var leaders = new List<string>();
        using var electorA = Elector(clientA, "a", leaders);
        using var electorB = Elector(clientB, "b", leaders);
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();

        // When A runs first, then B joins
        var runA = electorA.RunUntilLeadershipLostAsync(stopA.Token);
        await Eventually.WaitAsync(() => Snapshot(leaders), l => l.Count == 1, what: "a leader");
        var runB = electorB.RunAndTryToHoldLeadershipForeverAsync(stopB.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Then only A leads, and the lease names it
        Assert.Equal(["a"], Snapshot(leaders));
        var lease = await clientB.CoordinationV1.ReadNamespacedLeaseAsync("operator", "default");
        Assert.Equal("a", lease.Spec.HolderIdentity);

        // When A stops, B takes over once the lease is released or expires
        await stopA.CancelAsync();
        await StoppedAsync(runA);
        await Eventually.WaitAsync(() => Snapshot(leaders), l => l.Count == 2, what: "B to take over");
        Assert.Equal(["a", "b"], Snapshot(leaders));
        await stopB.CancelAsync();
        await StoppedAsync(runB);
    }

    // The client's elector ends a cancelled run by returning or by throwing OperationCanceledException, depending on
    // whether the token fires inside a delay or between renewals; either is a clean stop, any other exception is not.
    private static async Task StoppedAsync(Task run)
    {
        try
        {
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static LeaderElector Elector(k8s.Kubernetes client, string identity, List<string> leaders)
    {
        var elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(client, "default", "operator", identity))
        {
            // Generous enough that a loaded 2-core CI runner never makes the leader miss its renewal by accident.
            LeaseDuration = TimeSpan.FromSeconds(8),
            RenewDeadline = TimeSpan.FromSeconds(6),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        });
        elector.OnStartedLeading += () =>
        {
            lock (leaders)
            {
                leaders.Add(identity);
            }
        };
        return elector;
    }

    private static List<string> Snapshot(List<string> leaders)
    {
        lock (leaders)
        {
            return [.. leaders];
        }
    }
}
