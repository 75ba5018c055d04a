using System.Globalization;

namespace JitLens.Compare.Rendering;

/// <summary>How every comparison renderer words a difference: <c>asm 7 → 3 (-4), 28 → 12 bytes (-16)</c>.</summary>
public static class DeltaText
{
    public static string WithSign(int value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    public static string Of(ViewDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var text = string.Create(CultureInfo.InvariantCulture, $"{delta.View} {delta.Left.Count} → {delta.Right.Count} ({WithSign(delta.CountDelta)})");
        return delta.BytesDelta is { } bytes
            ? text + string.Create(CultureInfo.InvariantCulture, $", {delta.Left.Bytes} → {delta.Right.Bytes} bytes ({WithSign(bytes)})")
            : text;
    }

    /// <summary>The views of a row that have code on either side, worded and joined.</summary>
    public static string Of(IEnumerable<ViewDelta> deltas) =>
        string.Join("; ", deltas.Where(d => d.Left.Count + d.Right.Count > 0).Select(Of));

    /// <summary>A side's facts for a unit header: tier, arch, signature, code size.</summary>
    public static string Facts(Model.InspectedUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var facts = new[] { unit.Tier, unit.Arch, unit.Signature, unit.CodeSize is { } s ? s.ToString(CultureInfo.InvariantCulture) + " bytes" : null };
        return string.Join(", ", facts.Where(f => f is not null));
    }
}
