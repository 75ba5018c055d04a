using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Jupyter.Inspect;

/// <summary>An inspection the kernel showed, with the cell's label (<c>In[3]</c>) and the tier it was made at.</summary>
internal sealed record ShownInspection(InspectionResult Result, string Label, JitTier Tier);
