using System.Globalization;
using JitLens.Model;

namespace JitLens.Views;

/// <summary>
/// The machine code bytes of each x64 instruction beside it, as Disasmo and Compiler Explorer show them: made from
/// the asm listing of .NET methods, whose capture has the JIT's bytes. Opt-in, as it repeats the asm view.
/// </summary>
public sealed class HexView : View
{
    public const string Id = "hex";

    // Wide enough for the bytes of most x64 instructions ("xx " each), so that the instructions line up.
    private const int BytesColumn = 3 * 8;

    public override string Name => Id;

    public override string Help => "machine code bytes of each x64 instruction, beside it";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.DotnetJit];

    public override bool ShownByDefault => false;

    public override IReadOnlyList<string> MadeFrom => [AsmView.Id];

    public override IReadOnlyList<Type> ListingParsers => [];

    public override CodeListing? Derive(InspectedUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!unit.Views.TryGetValue(AsmView.Id, out var asm) || asm.Instructions.All(i => i.Bytes.Count == 0))
        {
            return null;
        }

        return new CodeListing(Id, asm.Instructions.Select(i => i with { Text = $"{Hex(i.Bytes).PadRight(BytesColumn)}{i.Text}" }).ToList());
    }

    private static string Hex(IReadOnlyList<byte> bytes) =>
        string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture) + " "));
}
