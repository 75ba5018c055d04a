using System.Globalization;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Numba;

/// <summary>The <c>numba_ir</c> view: Numba IR statements in block order, each at the line Numba recorded for it.</summary>
internal static class NumbaIrListing
{
    public const string View = NumbaIrView.Id;

    public static CodeListing Build(CapturedSignature signature, LineScope scope)
    {
        var instructions = new List<CodeInstruction>();
        int? block = null;
        foreach (var statement in signature.NumbaIr)
        {
            var (line, region) = scope.Classify(statement.Line);
            var startsBlock = block != statement.Block;
            block = statement.Block;
            instructions.Add(new CodeInstruction(statement.Text, line, region)
            {
                Label = startsBlock ? string.Create(CultureInfo.InvariantCulture, $"label {statement.Block}") : null,
            });
        }

        return new CodeListing(View, instructions);
    }
}
