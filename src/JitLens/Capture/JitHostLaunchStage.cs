using JitLens.Pipeline;
using JitLens.Views;

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
        var jitInput = context.Compiled is not null || request.InputKind is InputKind.CSharpSources or InputKind.Assembly;
        return jitInput && context.EarlyJitHost is null && (request.Wants(IlView.Id) || request.Wants(AsmView.Id));
    }

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        context.EarlyJitHost = JitHostLaunch.Start(context.Request, extraEnvironment: null);
        return Task.CompletedTask;
    }
}
