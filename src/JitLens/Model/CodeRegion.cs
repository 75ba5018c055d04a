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

    /// <summary>Declarations and directives that belong to the unit, not to a line (PTX headers, labels).</summary>
    Header,
}
