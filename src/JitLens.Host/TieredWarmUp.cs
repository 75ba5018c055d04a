using System.Diagnostics;
using System.Reflection;

namespace JitLens.Host;

/// <summary>
/// Runs the user's program in rounds until the selected methods have reached Tier1 (re-JITted with the profile that
/// instrumented Tier0 collected), or until tiering makes no more progress, or until the time budget is spent.
/// Tier-up happens on a background thread some time after a method's 30th call, so each round ends with a wait.
/// </summary>
internal static class TieredWarmUp
{
    /// <summary>More than the runtime's call-count threshold (30), so that a method called once per run moves up a tier each round.</summary>
    private const int CallsPerRound = 40;

    private const int FixedRounds = 3;

    // Half the parent's time limit for the whole host (it says so in JITLENS_WARMUP_BUDGET_MS), 12 s without one.
    private static readonly TimeSpan Budget = long.TryParse(Environment.GetEnvironmentVariable("JITLENS_WARMUP_BUDGET_MS"), out var ms) && ms > 0
        ? TimeSpan.FromMilliseconds(ms)
        : TimeSpan.FromSeconds(12);

    // On a loaded machine the tiering worker and the event stream can both lag by seconds: "nothing changed" must
    // hold for this long, not just for two rounds, before the warm-up believes it. A longer time limit buys patience.
    private static readonly TimeSpan StallTime = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(3).Ticks, Budget.Ticks / 4));

    private static readonly TimeSpan RoundTime = TimeSpan.FromSeconds(1);

    // JIT events arrive asynchronously (EventPipe flushes about every 100 ms): a spell without news for the user's methods
    // means the background compilations queued so far are done.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(10);

    /// <returns>How many times the targets were called.</returns>
    public static int Run(IReadOnlyList<MethodInfo> targets, IReadOnlyList<MethodBase> methods, JitCodeEvents? events, HostChannel channel)
    {
        if (targets.Count == 0)
        {
            return 0;
        }

        var handles = methods.Select(m => (ulong)m.MethodHandle.Value).ToList();

        // A target that throws is reported and left out of later rounds: the others still warm up.
        var active = targets.ToList();
        var calls = 0;
        var stalledRounds = 0;
        var lastCount = -1;
        var sinceChange = Stopwatch.StartNew();
        var budget = Stopwatch.StartNew();
        for (var round = 0; budget.Elapsed < Budget; round++)
        {
            foreach (var target in active.ToList())
            {
                if (round == 0)
                {
                    channel.Send("warmup", ("method", DisplayNames.Of(target)));
                }

                var clock = Stopwatch.StartNew();
                try
                {
                    for (var i = 0; i < CallsPerRound && (i == 0 || clock.Elapsed < RoundTime); i++, calls++)
                    {
                        UserCode.Invoke(target);
                    }
                }
                catch (UserCodeException e)
                {
                    channel.Send("warmupFailed", ("method", DisplayNames.Of(target)), ("message", e.Message));
                    active.Remove(target);
                }
            }

            if (active.Count == 0)
            {
                break;
            }

            Settle(events, methods, handles);
            if (events is null)
            {
                // Without the JIT's events there is no telling how far tiering got: a fixed number of rounds.
                if (round >= FixedRounds)
                {
                    break;
                }

                continue;
            }

            // The targets ran, so a target without a body means the events are still behind: not done yet.
            var bodies = BodiesOf(events, methods, handles);
            if (active.All(t => HasBody(events, t, handles)) && bodies.All(b => JitCodeBody.Current(b)!.IsSettled))
            {
                break;
            }

            // Methods the program does not call (enough) never move. Stop after two rounds that changed nothing, once
            // the targets themselves (called every round) have reached their final tier: that shows tiering got through
            // the promotions their calls queued, those of the methods they call included. On a loaded machine that can
            // take seconds; a target that never gets there (a slow Main called a few times) runs into the budget.
            var count = bodies.Sum(b => b.Count);
            if (count != lastCount)
            {
                lastCount = count;
                stalledRounds = 0;
                sinceChange.Restart();
            }
            else if (++stalledRounds >= 2 && sinceChange.Elapsed >= StallTime && active.All(t => Settled(events, t, handles)))
            {
                break;
            }
        }

        return calls;
    }

    /// <summary>Whether the target's current body is final. A target ran, so it has a body: none yet means the events lag.</summary>
    private static bool Settled(JitCodeEvents events, MethodBase method, IReadOnlyList<ulong> handles) =>
        JitCodeBody.Current(events.BodiesOf((ulong)method.MethodHandle.Value, method.MetadataToken, handles)) is { IsSettled: true };

    private static bool HasBody(JitCodeEvents events, MethodBase method, IReadOnlyList<ulong> handles) =>
        events.BodiesOf((ulong)method.MethodHandle.Value, method.MetadataToken, handles).Count > 0;

    private static List<IReadOnlyList<JitCodeBody>> BodiesOf(JitCodeEvents events, IReadOnlyList<MethodBase> methods, IReadOnlyList<ulong> handles) =>
        methods.Select(m => events.BodiesOf((ulong)m.MethodHandle.Value, m.MetadataToken, handles)).Where(b => b.Count > 0).ToList();

    /// <summary>
    /// Waits until the selected methods' bodies (and maps) stop changing for <see cref="Quiet"/>, at most <see cref="QuietLimit"/>.
    /// Only the user's methods count: the runtime keeps tiering its own code (the event reader's included) for a while.
    /// </summary>
    private static void Settle(JitCodeEvents? events, IReadOnlyList<MethodBase> methods, IReadOnlyList<ulong> handles)
    {
        if (events is null)
        {
            Thread.Sleep(QuietLimit);
            return;
        }

        // First let the event stream catch up with what happened so far, then wait for the queued tier-ups to land.
        events.CatchUp(CatchUpLimit);
        var limit = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var last = Progress(events, methods, handles);
        while (quiet.Elapsed < Quiet && limit.Elapsed < QuietLimit)
        {
            Thread.Sleep(25);
            var now = Progress(events, methods, handles);
            if (now != last)
            {
                last = now;
                quiet.Restart();
            }
        }
    }

    private static int Progress(JitCodeEvents events, IReadOnlyList<MethodBase> methods, IReadOnlyList<ulong> handles) =>
        BodiesOf(events, methods, handles).Sum(b => b.Count + b.Count(x => x.Map is not null));
}
