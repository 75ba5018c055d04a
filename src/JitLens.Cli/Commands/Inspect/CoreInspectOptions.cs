using System.CommandLine;
using System.Globalization;
using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>Method selection, views, JIT tier and time limit.</summary>
internal sealed class CoreInspectOptions : IInspectOptions
{
    private readonly Option<string?> _method = new("--method", "-m")
    {
        Description = "Only methods matching this pattern (* wildcards), e.g. Sum or *Sample.Sum*; a method's lambdas and state machines come with it.",
    };

    private readonly Option<string?> _view = new("--view")
    {
        Description = $"Views to show, comma-separated: {string.Join(", ", ViewCatalog.Names)} (default: every view available{OptInViews()}).",
    };

    private readonly Option<string> _tier = new("--tier")
    {
        Description = "JIT tier: optimized (steady state, default), tier0, or tier1-pgo (runs your code to warm it up).",
        DefaultValueFactory = _ => "optimized",
    };

    private readonly Option<int> _timeout = new("--timeout")
    {
        Description = "Seconds the JIT host (which runs static constructors) may take before it is stopped.",
        DefaultValueFactory = _ => 30,
    };

    public CoreInspectOptions()
    {
        _tier.AcceptOnlyFromAmong("optimized", "tier0", "tier1-pgo");

        // A mistyped view would otherwise just show nothing for it.
        _view.Validators.Add(result =>
        {
            var unknown = Views(result.GetValueOrDefault<string?>()).Where(v => ViewCatalog.Find(v) is null).ToList();
            if (unknown.Count > 0)
            {
                result.AddError($"Unknown view {string.Join(", ", unknown.Select(v => $"'{v}'"))}; use one of: {string.Join(", ", ViewCatalog.Names)}.");
            }
        });
    }

    public IEnumerable<Option> Options => [_method, _view, _tier, _timeout];

    public InspectRequest Apply(InspectRequest request, ParseResult parse) => request with
    {
        MethodPattern = parse.GetValue(_method),
        Views = Views(parse.GetValue(_view)),
        Tier = TierOf(parse.GetValue(_tier)),
        Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(_timeout))),
    };

    /// <summary>The tier a <c>--tier</c> value names (optimized, tier0, tier1-pgo).</summary>
    internal static JitTier TierOf(string? value) => value switch
    {
        "tier0" => JitTier.Tier0,
        "tier1-pgo" => JitTier.Tier1Pgo,
        _ => JitTier.Optimized,
    };

    private static string OptInViews() =>
        ViewCatalog.All.Where(v => !v.ShownByDefault).Select(v => v.Name).ToList() is { Count: > 0 } optIn
            ? $" but {string.Join(", ", optIn)}"
            : string.Empty;

    internal static IReadOnlyList<string> Views(string? value) =>
        value is null
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => v.ToLower(CultureInfo.InvariantCulture))
                .ToList();
}
