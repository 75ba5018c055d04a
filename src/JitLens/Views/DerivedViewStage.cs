using JitLens.Pipeline;

namespace JitLens.Views;

/// <summary>
/// Makes the views that are computed from a unit's other listings (<see cref="View.Derive"/>) for every unit the
/// capture stages produced, so that such a view needs no stage of its own.
/// </summary>
internal sealed class DerivedViewStage : IInspectionStage
{
    public string Name => "derived-views";

    public bool AppliesTo(InspectionContext context) => Derived(context.Request).Count > 0;

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        var views = Derived(context.Request);
        foreach (var unit in context.Result.Methods.Concat(context.Result.Kernels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var listing in views.Where(v => v.AppliesTo(unit.Kind)).Select(v => v.Derive(unit)).OfType<Model.CodeListing>())
            {
                unit.AddView(listing);
            }
        }

        return Task.CompletedTask;
    }

    private static List<View> Derived(InspectRequest request) =>
        ViewCatalog.All.Where(v => v.MadeFrom.Count > 0 && request.Wants(v.Name)).ToList();
}
