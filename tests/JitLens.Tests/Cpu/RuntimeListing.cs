using System.Text.RegularExpressions;

namespace JitLens.Tests.Cpu;

/// <summary>
/// One method's listing in a <c>DOTNET_JitStdOutFile</c>: its header (<c>Ns.Type`1[int]:Name[long](int[]):int:this</c>), the
/// tier the runtime printed, its instructions, how many of them make up the prolog's instruction group (IG01), and the
/// name the JitLens unit of the same method has, as a pattern.
/// </summary>
internal sealed partial record RuntimeListing(string Header, string Tier, IReadOnlyList<string> Instructions, int PrologCount)
{
    private const string Canon = "System.__Canon";

    /// <summary>Every listing in the file, in order (a method compiled twice has two).</summary>
    public static List<RuntimeListing> ParseAll(string text)
    {
        var listings = new List<RuntimeListing>();
        string? header = null, tier = null;
        List<string> instructions = [];
        var prolog = 0;
        var inProlog = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var match = HeaderPattern().Match(line);
            if (match.Success)
            {
                Flush();
                (header, tier, instructions, prolog) = (match.Groups["full"].Value, match.Groups["tier"].Value, [], 0);
                continue;
            }

            if (header is null)
            {
                continue;
            }

            if (GroupPattern().Match(line) is { Success: true } group)
            {
                inProlog = group.Groups["n"].Value == "01";
                continue;
            }

            var count = instructions.Count;
            if (line.Length > 0 && !line.StartsWith(';') && !line.StartsWith("align", StringComparison.Ordinal) && !line.StartsWith("nop", StringComparison.Ordinal)
                && !DataLinePattern().IsMatch(line))
            {
                instructions.Add(line);
            }

            if (inProlog && instructions.Count > count)
            {
                prolog++;
            }
        }

        Flush();
        return listings;

        void Flush()
        {
            if (header is not null)
            {
                listings.Add(new RuntimeListing(header, tier!, instructions, prolog));
            }
        }
    }

    /// <summary>
    /// A pattern for the JitLens name of this method up to its parameter list (<c>Ns.Type&lt;int&gt;.Name&lt;long&gt;</c>);
    /// shared code (<c>__Canon</c>) matches any reference type argument.
    /// </summary>
    public Regex NamePattern()
    {
        var colon = Header.IndexOf(':', StringComparison.Ordinal);
        var type = TypeName(Header[..colon]);
        var rest = Header[(colon + 1)..];
        var method = rest[..rest.IndexOf('(', StringComparison.Ordinal)];
        var generic = method.IndexOf('[', StringComparison.Ordinal);
        var methodName = generic < 0 ? Regex.Escape(method) : Regex.Escape(method[..generic]) + "<" + Arguments(method[(generic + 1)..^1]) + ">";
        return new Regex("^" + type + "\\." + methodName + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>How many parameters the header lists.</summary>
    public int ParameterCount
    {
        get
        {
            var rest = Header[(Header.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var open = rest.IndexOf('(', StringComparison.Ordinal);
            var close = Close(rest, open, '(', ')');
            return TopLevel(rest[(open + 1)..close], '[', ']').Count;
        }
    }

    /// <summary>How many type arguments are shared code: the fewer, the closer the match.</summary>
    public int SharedArguments => Regex.Count(Header[..Header.IndexOf('(', StringComparison.Ordinal)], Regex.Escape(Canon));

    private static string TypeName(string runtimeName)
    {
        var parts = new List<string>();
        foreach (var part in runtimeName.Split('+'))
        {
            var tick = part.IndexOf('`', StringComparison.Ordinal);
            if (tick < 0)
            {
                parts.Add(Regex.Escape(part));
                continue;
            }

            var open = part.IndexOf('[', tick);
            parts.Add(Regex.Escape(part[..tick]) + "<" + Arguments(part[(open + 1)..Close(part, open, '[', ']')]) + ">");
        }

        return string.Join("\\.", parts);
    }

    private static string Arguments(string list) =>
        string.Join(", ", TopLevel(list, '[', ']').Select(a => a switch
        {
            Canon => "[^<>,]+(?:<.*>)?",
            "System.String" => "string",
            "System.Object" => "object",
            _ => Regex.Escape(a),
        }));

    /// <summary>The comma-separated items of <paramref name="list"/> outside brackets.</summary>
    public static List<string> TopLevel(string list, char open, char close)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] == open ? 1 : list[i] == close ? -1 : 0;
            if (depth == 0 && list[i] == ',')
            {
                items.Add(list[start..i].Trim());
                start = i + 1;
            }
        }

        if (list.Trim().Length > 0)
        {
            items.Add(list[start..].Trim());
        }

        return items;
    }

    private static int Close(string text, int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] == opening ? 1 : text[i] == closing ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"^; Assembly listing for method (?<full>.+) \((?<tier>[^()]+)\)$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^G_M\d+_IG(?<n>\d+):")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"^(RWD\d+\s+)?d[bwdq]\s")]
    private static partial Regex DataLinePattern();
}
