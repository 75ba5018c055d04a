using DaskOperator.Controller;

namespace DaskOperator.Tests.Controller;

public class WorkQueueTests
{
    private static readonly ResourceKey A = new(DaskKind.Cluster, "default", "a");
    private static readonly ResourceKey B = new(DaskKind.WorkerGroup, "default", "b");

    [Fact]
    public async Task Should_hand_out_a_key_added_many_times_only_once()
    {
        // Given a key added three times and another once
        using var queue = new WorkQueue();
        queue.Add(A);
        queue.Add(A);
        queue.Add(B);
        queue.Add(A);

        // When keys are taken, Then each comes once, in order
        Assert.Equal(A, await queue.TakeAsync(default));
        Assert.Equal(B, await queue.TakeAsync(default));
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task Should_process_a_key_again_when_it_changed_while_being_processed()
    {
        // Given a key being processed
        using var queue = new WorkQueue();
        queue.Add(A);
        var key = await queue.TakeAsync(default);

        // When it is added meanwhile, it is not handed to a second worker...
        queue.Add(A);
        Assert.Equal(0, queue.Length);

        // ...Then once processing is done it comes back
        queue.Done(key);
        Assert.Equal(A, await queue.TakeAsync(default).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Should_wait_longer_after_each_failure_of_the_same_key_and_reset_when_forgotten()
    {
        // Given a key that keeps failing
        using var queue = new WorkQueue();
        var first = queue.AddRateLimited(A);
        var second = queue.AddRateLimited(A);
        var third = queue.AddRateLimited(A);

        // Then each retry waits longer, and forgetting the failures starts over
        Assert.True(first < second && second < third, $"{first} {second} {third}");
        queue.Forget(A);
        Assert.Equal(first, queue.AddRateLimited(A));
        Assert.Equal(A, await queue.TakeAsync(default).WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
