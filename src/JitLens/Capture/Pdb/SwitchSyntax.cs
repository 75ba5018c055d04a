using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace JitLens.Capture.Pdb;

/// <summary>
/// The <c>switch</c> statements and expressions of a source file, from its syntax tree: the PDB gives a switch's
/// dispatch only a hidden sequence point, but the line of the code it dispatches to lies inside exactly one of them.
/// </summary>
internal sealed class SwitchSyntax
{
    private readonly List<(int KeywordLine, int FirstLine, int LastLine)> _switches;

    private SwitchSyntax(List<(int, int, int)> switches)
    {
        _switches = switches;
    }

    public static SwitchSyntax Parse(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(text));
        var switches = new List<(int, int, int)>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var keyword = node switch
            {
                SwitchStatementSyntax statement => statement.SwitchKeyword,
                SwitchExpressionSyntax expression => expression.SwitchKeyword,
                _ => default,
            };
            if (keyword != default)
            {
                var span = node.GetLocation().GetLineSpan();
                switches.Add((keyword.GetLocation().GetLineSpan().StartLinePosition.Line + 1, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1));
            }
        }

        return new SwitchSyntax(switches);
    }

    /// <summary>The 1-based line of the <c>switch</c> keyword of the innermost switch whose sections hold <paramref name="line"/>.</summary>
    public int? SwitchLineHolding(int line) =>
        _switches.Where(s => s.KeywordLine <= line && line <= s.LastLine)
            .OrderBy(s => s.LastLine - s.FirstLine)
            .Select(s => (int?)s.KeywordLine)
            .FirstOrDefault();
}
