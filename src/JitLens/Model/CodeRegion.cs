namespace JitLens.Model;

/// <summary>Where an instruction sits relative to the user's source lines.</summary>
public enum CodeRegion
{
    /// <summary>Attributed to a source line.</summary>
    Body,

    /// <summary>Method entry code the JIT or compiler adds before the first line.</summary>
    Prolog,

    /// <summary>Method exit code after the last line.</summary>
    Epilog,

    /// <summary>Code the debug info does not attribute to any line (kept, never dropped).</summary>
    Unmapped,

    /// <summary>
    /// A cold block that only throws (a kept bounds check's failure, an overflow): no line of its own, shown under the
    /// lines whose checks branch to it (<see cref="CodeInstruction.PlacedUnder"/>).
    /// </summary>
    ThrowPath,

    /// <summary>
    /// Compiler-generated dispatch under a hidden sequence point (a <c>switch</c> statement's jump table or a string
    /// switch's hash compare), shown under the <c>switch</c> line the syntax tree gives it (<see cref="CodeInstruction.PlacedUnder"/>).
    /// </summary>
    Dispatch,

    /// <summary>Declarations and directives that belong to the unit, not to a line (PTX headers, labels).</summary>
    Header,
}
