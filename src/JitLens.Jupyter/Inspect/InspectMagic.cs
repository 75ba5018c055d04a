using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Jupyter.Inspect;

/// <summary>
/// The <c>%%inspect</c> line on top of a cell: which views to show, the JIT tier and the GPU arch.
/// No flags means the pipeline's default views.
/// </summary>
public sealed record InspectMagic
{
    /// <summary>The views of the code a C# cell holds (the JIT's and ILGPU's), in catalog order: one flag each.</summary>
    private static readonly IReadOnlyList<View> CellViews =
        ViewCatalog.All.Where(v => v.FrontEnds.Contains(FrontEnd.DotnetJit) || v.FrontEnds.Contains(FrontEnd.Ilgpu)).ToList();

    public static string Usage { get; } = $"""
        %%inspect {string.Join(' ', CellViews.Select(v => $"[--{v.Flag}]"))} [--tier optimized|tier0|tier1-pgo] [--compare T|previous] [--arch sm_XX] [--help]
          Runs the cell as usual, then shows the code each of its lines became: click a line to see its
          instructions, click an instruction to see its line. Without view flags: the default views.
        {string.Join("\n", CellViews.Select(v => $"  --{v.Flag,-18}{v.Help}"))}
          --tier T            optimized (default: fully optimized, runs nothing extra), tier0, or tier1-pgo
                              (calls the cell's parameterless static methods to warm up dynamic PGO)
          --compare T         two listings side by side, aligned by line, with per-line deltas: the cell at
                              tier T (left) against the cell at --tier (right), e.g. --compare tier0;
          --compare previous  the code the last %%inspect cell showed (left) against this cell's (right):
                              re-run an edited cell to see what the edit changed, line by line
          --arch sm_XX        GPU architecture for PTX/SASS, e.g. sm_80
        """;

    public IReadOnlyList<string> Views { get; init; } = [];

    public JitTier Tier { get; init; } = JitTier.Optimized;

    public string? Arch { get; init; }

    /// <summary>With <c>--compare T</c>: the tier the cell is compared with (the left side; <see cref="Tier"/> is the right).</summary>
    public JitTier? CompareTier { get; init; }

    /// <summary>With <c>--compare previous</c>: the last inspection the kernel showed is the left side, this cell the right.</summary>
    public bool CompareWithPrevious { get; init; }

    public bool Help { get; init; }

    /// <summary>One sentence about a bad flag; the cell is then not run.</summary>
    public string? Error { get; init; }

    /// <summary>The magic of a cell whose first line is <c>%%inspect ...</c>, or null for an ordinary cell.</summary>
    public static InspectMagic? Parse(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var firstLine = cell.Split('\n', 2)[0].TrimEnd('\r').Trim();
        var words = firstLine.Split(' ', '\t').Where(w => w.Length > 0).ToList();
        if (words.Count == 0 || words[0] != "%%inspect")
        {
            return null;
        }

        var views = new List<string>();
        var magic = new InspectMagic();
        for (var i = 1; i < words.Count; i++)
        {
            var flag = words[i];
            var name = flag.StartsWith("--", StringComparison.Ordinal) ? flag[2..] : null;
            if (name is not null && CellViews.FirstOrDefault(v => v.Flag == name) is { } view)
            {
                views.Add(view.Name);
            }
            else if (name == "help" || flag == "-h")
            {
                magic = magic with { Help = true };
            }
            else if (name is "tier" or "arch" or "compare")
            {
                if (i + 1 >= words.Count)
                {
                    return new InspectMagic { Error = $"%%inspect: {flag} needs a value; see %%inspect --help." };
                }

                var value = words[++i];
                magic = name switch
                {
                    "arch" => magic with { Arch = value },
                    "compare" => ParseCompare(magic, value),
                    _ => ParseTier(magic, value),
                };
                if (magic.Error is not null)
                {
                    return magic;
                }
            }
            else
            {
                return new InspectMagic { Error = $"%%inspect: unknown option '{flag}'; see %%inspect --help." };
            }
        }

        return magic with { Views = views };
    }

    /// <summary>How <c>--tier</c> spells a tier: the label of each side of a comparison.</summary>
    public static string FlagOf(JitTier tier) => tier switch
    {
        JitTier.Tier0 => "tier0",
        JitTier.Tier1Pgo => "tier1-pgo",
        _ => "optimized",
    };

    private static InspectMagic ParseCompare(InspectMagic magic, string value)
    {
        if (value.Equals("previous", StringComparison.OrdinalIgnoreCase))
        {
            return magic with { CompareWithPrevious = true, CompareTier = null };
        }

        var left = ParseTier(magic, value);
        return left.Error is null
            ? magic with { CompareTier = left.Tier, CompareWithPrevious = false }
            : new InspectMagic { Error = $"%%inspect: cannot compare with '{value}'; use a tier (optimized, tier0, tier1-pgo) or previous." };
    }

    private static InspectMagic ParseTier(InspectMagic magic, string value) => value.ToLowerInvariant() switch
    {
        "optimized" or "fullopts" => magic with { Tier = JitTier.Optimized },
        "tier0" => magic with { Tier = JitTier.Tier0 },
        "tier1-pgo" or "tier1" or "pgo" => magic with { Tier = JitTier.Tier1Pgo },
        _ => new InspectMagic { Error = $"%%inspect: unknown tier '{value}'; use optimized, tier0 or tier1-pgo." },
    };
}
