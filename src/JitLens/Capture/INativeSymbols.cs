namespace JitLens.Capture;

/// <summary>What the target process knows about addresses in its code: callee names, JIT helpers, string literals.</summary>
internal interface INativeSymbols
{
    /// <summary>The method or JIT helper at <paramref name="address"/>, e.g. <c>CORINFO_HELP_RNGCHKFAIL</c>.</summary>
    string? CodeName(ulong address);

    /// <summary>A readable form of a constant the code loads: a string literal (quoted) or a type, else null.</summary>
    string? Constant(ulong value);

    bool TryReadPointer(ulong address, out ulong value);

    /// <summary>Fills <paramref name="destination"/> from the target's memory at <paramref name="address"/>; false unless all of it was read.</summary>
    bool TryReadMemory(ulong address, Span<byte> destination);
}
