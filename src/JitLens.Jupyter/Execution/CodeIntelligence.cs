using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace JitLens.Jupyter.Execution;

/// <summary>
/// Completion, inspection (Shift+Tab) and is-complete for the cell being typed, answered from Roslyn's semantic
/// model of the cell compiled as the next submission, so it sees everything earlier cells defined.
/// </summary>
public sealed partial class CodeIntelligence
{
    private readonly Func<string, string, Script<object>> _continue;

    internal CodeIntelligence(Func<string, string, Script<object>> continueWith)
    {
        _continue = continueWith;
    }

    public static JsonObject IsComplete(string code)
    {
        var tree = SyntaxFactory.ParseSyntaxTree(WithoutMagic(code), ScriptSetup.ParseOptions);
        return SyntaxFactory.IsCompleteSubmission(tree)
            ? new JsonObject { ["status"] = "complete" }
            : new JsonObject { ["status"] = "incomplete", ["indent"] = "    " };
    }

    public JsonObject Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = code[start..cursor];
        var (model, tree) = Analyse(code);
        var symbols = start > 0 && code[start - 1] == '.'
            ? MembersBefore(model, tree, start - 1)
            : model.LookupSymbols(start);
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode)m).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = cursor,
            ["metadata"] = new JsonObject(),
        };
    }

    public JsonObject Inspect(string code, int cursor)
    {
        var (model, tree) = Analyse(code);
        var position = Math.Clamp(cursor > 0 ? cursor - 1 : 0, 0, Math.Max(0, code.Length - 1));
        var token = tree.GetRoot().FindToken(position);
        var symbol = token.Parent is { } node ? SymbolAt(model, node) : null;
        if (symbol is null)
        {
            return new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
        }

        var text = $"{symbol.Kind}: {symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}";
        var docs = Documentation(symbol);
        if (docs.Length > 0)
        {
            text += "\n" + docs;
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = true,
            ["data"] = new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>The symbol a name refers to; a method name without its call is a group, whose first member we take.</summary>
    private static ISymbol? SymbolAt(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
    }

    /// <summary>
    /// The text of the symbol's /// comment: from the compiler for framework symbols, from the declaration's
    /// trivia for the notebook's own (scripts are not parsed in documentation mode).
    /// </summary>
    private static string Documentation(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml() ?? string.Empty;
        if (xml.Length == 0)
        {
            var trivia = symbol.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax().GetLeadingTrivia().ToFullString())
                .FirstOrDefault() ?? string.Empty;
            xml = string.Join('\n', trivia.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("///", StringComparison.Ordinal)).Select(l => l[3..]));
        }

        return XmlTag().Replace(xml, string.Empty).Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex XmlTag();

    /// <summary>Members of what stands before the dot: a value's type, a type's statics or a namespace's members.</summary>
    private static IEnumerable<ISymbol> MembersBefore(SemanticModel model, SyntaxTree tree, int dot)
    {
        var access = tree.GetRoot().FindToken(dot).Parent;
        var left = access switch
        {
            MemberAccessExpressionSyntax m => m.Expression,
            QualifiedNameSyntax q => q.Left,
            _ => null,
        };
        if (left is null)
        {
            return [];
        }

        var target = model.GetSymbolInfo(left).Symbol;
        if (target is INamespaceOrTypeSymbol container)
        {
            return model.LookupSymbols(dot + 1, container).Where(s => s.IsStatic || s is INamespaceOrTypeSymbol);
        }

        var type = model.GetTypeInfo(left).Type;
        return type is null ? [] : model.LookupSymbols(dot + 1, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic);
    }

    private (SemanticModel Model, SyntaxTree Tree) Analyse(string code)
    {
        var compilation = _continue(WithoutMagic(code), "completion.csx").GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        return (compilation.GetSemanticModel(tree), tree);
    }

    /// <summary>Comments the %%inspect line out, keeping every offset where it was.</summary>
    private static string WithoutMagic(string code) =>
        code.StartsWith("%%", StringComparison.Ordinal) ? "//" + code[2..] : code;
}
