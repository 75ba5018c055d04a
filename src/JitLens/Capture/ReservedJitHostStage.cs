using JitLens.Pipeline;

namespace JitLens.Capture;

/// <summary>
/// Takes the JIT host from a <see cref="JitHostReserve"/> instead of starting one: placed before the registered
/// stages, it leaves <see cref="JitHostLaunchStage"/> nothing to do, and <see cref="JitCaptureStage"/> takes the host over.
/// </summary>
public sealed class ReservedJitHostStage : IInspectionStage
{
    private readonly JitHostReserve _reserve;

    public ReservedJitHostStage(JitHostReserve reserve)
    {
        _reserve = reserve;
    }

    public string Name => "reserved-jit-host";

    public bool AppliesTo(InspectionContext context) => JitHostLaunchStage.NeedsHost(context);

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        context.EarlyJitHost = _reserve.Take(context.Request);
        return Task.CompletedTask;
    }
}
