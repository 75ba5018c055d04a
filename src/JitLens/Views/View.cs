using JitLens.Model;

namespace JitLens.Views;

/// <summary>
/// One view of a unit's code (il, asm, ptx, ...): everything that is specific to it, so that a front end, a stage or
/// a renderer asks the view instead of spelling its name. Registered in <see cref="ViewCatalog"/>.
/// </summary>
public abstract class View
{
    /// <summary>The view's name in <c>--view</c>, the <c>%%inspect</c>/<c>%%jitlens</c> flags and the JSON contract.</summary>
    public abstract string Name { get; }

    /// <summary>The magics' flag without its dashes (<c>%%inspect --asm</c>); the name unless a front end's users know another.</summary>
    public virtual string Flag => Name;

    /// <summary>One line for help texts: what the view shows.</summary>
    public abstract string Help { get; }

    /// <summary>The kinds of unit the view can show; a front end that produces none of them never makes it.</summary>
    public abstract IReadOnlyList<UnitKind> UnitKinds { get; }

    /// <summary>The compilers whose output this view shows; a stage for one of them runs only when one of its views is asked for.</summary>
    public abstract IReadOnlyList<FrontEnd> FrontEnds { get; }

    /// <summary>Whether a control-flow graph can be built from this view's listing (it is native or close to it).</summary>
    public virtual bool FeedsCfg => false;

    /// <summary>Whether the listing's offsets are addresses in the unit's machine code, which its code size ends.</summary>
    public virtual bool HasNativeOffsets => false;

    /// <summary>Whether the view is made when the request names no views; opt-in views are made only when asked for.</summary>
    public virtual bool ShownByDefault => true;

    /// <summary>The views this one is made from: asking for it makes them too (without showing them).</summary>
    public virtual IReadOnlyList<string> MadeFrom => [];

    /// <summary>The types that read the compilers' output into this view's listing, one per front end that makes it.</summary>
    public abstract IReadOnlyList<Type> ListingParsers { get; }

    /// <summary>
    /// For a view computed from the unit's other listings (<see cref="MadeFrom"/>): its listing, or null where the
    /// unit lacks what it needs. Views the front ends capture themselves return null.
    /// </summary>
    public virtual CodeListing? Derive(InspectedUnit unit) => null;

    public bool AppliesTo(UnitKind kind) => UnitKinds.Contains(kind);
}
