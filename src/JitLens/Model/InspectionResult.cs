namespace JitLens.Model;

/// <summary>The whole model of one inspection: sources, CPU methods and GPU kernels. Every renderer reads only this.</summary>
public sealed class InspectionResult
{
    public IList<SourceDocument> Sources { get; } = new List<SourceDocument>();

    public IList<InspectedUnit> Methods { get; } = new List<InspectedUnit>();

    public IList<InspectedUnit> Kernels { get; } = new List<InspectedUnit>();

    /// <summary>Sentences about the run as a whole (e.g. "Numba's CUDA target is unavailable: ...").</summary>
    public IList<string> Notes { get; } = new List<string>();
}
