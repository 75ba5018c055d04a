namespace JitLens.Model;

/// <summary>How sure a <see cref="CodeRemark"/> is.</summary>
public enum RemarkEvidence
{
    /// <summary>The instruction or helper call that the remark names is in the listing.</summary>
    Exact,

    /// <summary>Read from a pattern of instructions (two copies of a loop, a predicated branch) that usually means it.</summary>
    Inferred,
}
