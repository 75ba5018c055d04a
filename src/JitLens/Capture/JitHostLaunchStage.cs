using JitLens.Pipeline;

namespace JitLens.Capture;

/// <summary>
/// Starts the JIT host (and ClrMD's attach to it) before the compile, so that on a cold run their start-up overlaps
/// Roslyn's work; <see cref="JitCaptureStage"/> takes the host over.
/// </summary>
internal sealed class JitHostLaunchStage : IInspectionStage
{
    public string Name => "jit-host";

    public bool AppliesTo(InspectionContext context) => NeedsHost(context);

    /// <summary>Whether the JIT will run for this context and no host has been started for it yet.</summary>
    internal static bool NeedsHost(InspectionContext context)
    {
        var request = context.Request;
        var inputs = request.Inputs;
        var jitInput = context.Compiled is not null
            || (inputs.Count > 0 && inputs.All(i => i.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            || (inputs.Count == 1 && inputs[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        return jitInput && context.EarlyJitHost is null && (request.Wants("il") || request.Wants("asm"));
    }

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        context.EarlyJitHost = JitHostLaunch.Start(context.Request, extraEnvironment: null);
        return Task.CompletedTask;
    }
}
