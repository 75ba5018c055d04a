namespace JitLens.Pipeline;

/// <summary>One named step of the inspection pipeline (compile, capture, GPU, CFG...).</summary>
public interface IInspectionStage
{
    string Name { get; }

    /// <summary>Whether this stage has anything to do for the context (input kind, requested views).</summary>
    bool AppliesTo(InspectionContext context);

    Task RunAsync(InspectionContext context, CancellationToken cancellationToken);
}
