using System.CommandLine;
using System.Globalization;
using JitLens.Cli.Commands.Inspect;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Diff;

/// <summary>
/// What makes the two sides of <c>diff</c> differ besides their files: a tier, a GPU arch, Numba signatures or a
/// NUMBA_OPT level per side, each over the shared <c>inspect</c> option of the same name; and what the side is called.
/// </summary>
internal sealed class DiffSideOptions
{
    private static readonly string[] Tiers = ["optimized", "tier0", "tier1-pgo"];

    private readonly Option<string?> _tier;
    private readonly Option<string?> _arch;
    private readonly Option<string[]> _signature;
    private readonly Option<int?> _numbaOpt;
    private readonly Option<string?> _numbaReport;
    private readonly Option<string?> _label;

    public DiffSideOptions(string side)
    {
        Side = side;
        _tier = new Option<string?>($"--{side}-tier") { Description = $"JIT tier of the {side} side: optimized, tier0 or tier1-pgo." };
        _tier.AcceptOnlyFromAmong(Tiers);
        _arch = new Option<string?>($"--{side}-arch") { Description = $"GPU kernels: CUDA architecture of the {side} side, e.g. sm_80." };
        _signature = new Option<string[]>($"--{side}-signature")
        {
            Description = $"Numba: a signature to compile for the {side} side ('name(types)', 'name:sig' or 'sig'; repeatable); the side then shows only the signatures it asked for.",
        };
        _numbaOpt = NumbaOptions.OptOption($"--{side}-numba-opt", $"Numba: NUMBA_OPT level (0 to 3) of the {side} side, compiled in a Python process of its own.");
        _numbaReport = new Option<string?>($"--{side}-numba-report") { Description = $"Numba: a capture report (as the %%jitlens magic writes) to map for the {side} side." };
        _label = new Option<string?>($"--{side}-label") { Description = $"What the {side} side is called in the output (default: its file, or what its own options set)." };
    }

    public string Side { get; }

    public IEnumerable<Option> Options => [_tier, _arch, _signature, _numbaOpt, _numbaReport, _label];

    public InspectRequest Apply(InspectRequest request, ParseResult parse)
    {
        var tier = parse.GetValue(_tier);
        var signatures = parse.GetValue(_signature) ?? [];
        return request with
        {
            Tier = tier is null ? request.Tier : CoreInspectOptions.TierOf(tier),
            Arch = parse.GetValue(_arch) ?? request.Arch,
            Signatures = signatures.Length > 0 ? signatures : request.Signatures,

            // One signature against another: each side's own signatures, not every signature the file compiled.
            RequestedSignaturesOnly = signatures.Length > 0 || request.RequestedSignaturesOnly,
            NumbaOpt = parse.GetValue(_numbaOpt) ?? request.NumbaOpt,
            NumbaReport = parse.GetValue(_numbaReport) ?? request.NumbaReport,
        };
    }

    /// <summary>The side's --label, which names it in the output as it is.</summary>
    public string? Named(ParseResult parse) => parse.GetValue(_label) is { Length: > 0 } label ? label : null;

    /// <summary>What this side's own options set, for its label when both sides inspect the same file.</summary>
    public string? Label(ParseResult parse)
    {
        var opt = parse.GetValue(_numbaOpt) is { } level ? string.Create(CultureInfo.InvariantCulture, $"NUMBA_OPT={level}") : null;
        var set = new[] { parse.GetValue(_tier), parse.GetValue(_arch), opt }.Concat(parse.GetValue(_signature) ?? []).OfType<string>();
        return string.Join(" ", set) is { Length: > 0 } joined ? joined : null;
    }
}
