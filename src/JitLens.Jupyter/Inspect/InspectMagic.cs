using JitLens.Pipeline;

namespace JitLens.Jupyter.Inspect;

/// <summary>
/// The <c>%%inspect</c> line on top of a cell: which views to show, the JIT tier and the GPU arch.
/// No flags means the pipeline's default views.
/// </summary>
public sealed record InspectMagic
{
    public const string Usage = """
        %%inspect [--il] [--asm] [--ir] [--ptx] [--sass] [--cfg] [--tier optimized|tier0|tier1-pgo] [--arch sm_XX] [--help]
          Runs the cell as usual, then shows the code each of its lines became: click a line to see its
          instructions, click an instruction to see its line. Without view flags: the default views.
          --il --asm          .NET IL and x64 assembly of the methods the cell declares
          --ir --ptx --sass   ILGPU IR, PTX and SASS of GPU kernels (SASS needs the CUDA toolkit)
          --cfg               control-flow graph, blocks coloured by source line
          --tier T            optimized (default: fully optimized, runs nothing extra), tier0, or tier1-pgo
                              (calls the cell's parameterless static methods to warm up dynamic PGO)
          --arch sm_XX        GPU architecture for PTX/SASS, e.g. sm_80
        """;

    private static readonly string[] ViewFlags = ["il", "asm", "ir", "ptx", "sass", "cfg"];

    public IReadOnlyList<string> Views { get; init; } = [];

    public JitTier Tier { get; init; } = JitTier.Optimized;

    public string? Arch { get; init; }

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
            if (name is not null && ViewFlags.Contains(name))
            {
                views.Add(name);
            }
            else if (name == "help" || flag == "-h")
            {
                magic = magic with { Help = true };
            }
            else if (name is "tier" or "arch")
            {
                if (i + 1 >= words.Count)
                {
                    return new InspectMagic { Error = $"%%inspect: {flag} needs a value; see %%inspect --help." };
                }

                var value = words[++i];
                magic = name == "arch" ? magic with { Arch = value } : ParseTier(magic, value);
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

    private static InspectMagic ParseTier(InspectMagic magic, string value) => value.ToLowerInvariant() switch
    {
        "optimized" or "fullopts" => magic with { Tier = JitTier.Optimized },
        "tier0" => magic with { Tier = JitTier.Tier0 },
        "tier1-pgo" or "tier1" or "pgo" => magic with { Tier = JitTier.Tier1Pgo },
        _ => new InspectMagic { Error = $"%%inspect: unknown tier '{value}'; use optimized, tier0 or tier1-pgo." },
    };
}
