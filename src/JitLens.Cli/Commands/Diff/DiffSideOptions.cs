using System.CommandLine;
using JitLens.Cli.Commands.Inspect;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Diff;

/// <summary>
/// What makes the two sides of <c>diff</c> differ besides their files: a tier, a GPU arch or Numba signatures per side,
/// each over the shared <c>inspect</c> option of the same name.
/// </summary>
internal sealed class DiffSideOptions
{
    private static readonly string[] Tiers = ["optimized", "tier0", "tier1-pgo"];

    private readonly Option<string?> _tier;
    private readonly Option<string?> _arch;
    private readonly Option<string[]> _signature;

    public DiffSideOptions(string side)
    {
        Side = side;
        _tier = new Option<string?>($"--{side}-tier") { Description = $"JIT tier of the {side} side: optimized, tier0 or tier1-pgo." };
        _tier.AcceptOnlyFromAmong(Tiers);
        _arch = new Option<string?>($"--{side}-arch") { Description = $"GPU kernels: CUDA architecture of the {side} side, e.g. sm_80." };
        _signature = new Option<string[]>($"--{side}-signature") { Description = $"Numba: a signature to compile for the {side} side ('name:sig' or 'sig'); repeatable." };
    }

    public string Side { get; }

    public IEnumerable<Option> Options => [_tier, _arch, _signature];

    public InspectRequest Apply(InspectRequest request, ParseResult parse)
    {
        var tier = parse.GetValue(_tier);
        var signatures = parse.GetValue(_signature) ?? [];
        return request with
        {
            Tier = tier is null ? request.Tier : CoreInspectOptions.TierOf(tier),
            Arch = parse.GetValue(_arch) ?? request.Arch,
            Signatures = signatures.Length > 0 ? signatures : request.Signatures,
        };
    }

    /// <summary>What this side's options set, for its label when both sides inspect the same file.</summary>
    public string? Label(ParseResult parse) =>
        string.Join(" ", new[] { parse.GetValue(_tier), parse.GetValue(_arch) }.Concat(parse.GetValue(_signature) ?? []).OfType<string>()) is { Length: > 0 } label
            ? label
            : null;
}
