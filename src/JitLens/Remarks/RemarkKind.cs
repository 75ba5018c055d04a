using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// One kind of codegen remark: its badge, how the per-method summary counts it, and how it is found in a unit's
/// listings. Registered in <see cref="RemarkCatalog"/>.
/// </summary>
public abstract class RemarkKind
{
    /// <summary>The badge (<c>bounds-check</c>); kinds that find the same thing in different compilers' code share it.</summary>
    public abstract string Name { get; }

    /// <summary>What the summary calls one of them ("bounds check kept").</summary>
    public abstract string Singular { get; }

    /// <summary>What the summary calls several ("bounds checks kept").</summary>
    public abstract string Plural { get; }

    public abstract RemarkEvidence Evidence { get; }

    /// <summary>The remarks of this kind in the unit's listings, none where its code is not of the kind's compiler.</summary>
    public abstract IEnumerable<CodeRemark> Find(ListingFacts facts);

    /// <summary>The remarks of this kind in <paramref name="unit"/> alone (<see cref="RemarkAnalysis"/> shares one <see cref="ListingFacts"/> among all kinds).</summary>
    public IEnumerable<CodeRemark> Find(InspectedUnit unit) => Find(ListingFacts.Of(unit));

    protected CodeRemark Remark(int? line, string message, string view, bool inLoop) =>
        new(Name, line, message, Evidence, view) { InLoop = inLoop };
}
