using System.Net;
using System.Text;

namespace JitLens.Rendering.Html;

/// <summary>
/// A small lexer that colours keywords, strings, comments and numbers of C# and Python, one line at a time.
/// It carries state across lines for block comments, verbatim/raw strings and triple-quoted strings.
/// </summary>
internal sealed class SyntaxHighlighter
{
    private readonly LanguageSyntax _syntax;
    private string? _openUntil;
    private string _openClass = "jl-s";

    public SyntaxHighlighter(string language)
    {
        _syntax = LanguageSyntax.For(language);
    }

    public string HighlightLine(string line)
    {
        var html = new StringBuilder();
        var i = 0;
        if (_openUntil is not null)
        {
            i = CloseOpenToken(line, 0, html);
        }

        while (i < line.Length)
        {
            i = NextToken(line, i, html);
        }

        return html.ToString();
    }

    private int NextToken(string line, int i, StringBuilder html)
    {
        var c = line[i];
        if (_syntax.LineComment is { } lc && line.AsSpan(i).StartsWith(lc, StringComparison.Ordinal))
        {
            return Span(html, "jl-c", line, i, line.Length);
        }

        if (_syntax.IsCSharp && line.AsSpan(i).StartsWith("/*", StringComparison.Ordinal))
        {
            return Open(line, i, 2, "*/", "jl-c", html);
        }

        if (_syntax.IsCSharp && c == '#' && line[..i].Trim().Length == 0)
        {
            return Span(html, "jl-p", line, i, line.Length);
        }

        if (StringStart(line, i) is { } start)
        {
            return ReadString(line, i, start.PrefixLength, start.Quote, html);
        }

        if (char.IsDigit(c))
        {
            var end = i;
            while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] is '.' or '_'))
            {
                end++;
            }

            return Span(html, "jl-n", line, i, end);
        }

        if (char.IsLetter(c) || c == '_' || (c == '@' && !_syntax.IsCSharp))
        {
            var end = i + 1;
            while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_' || (c == '@' && line[end] == '.')))
            {
                end++;
            }

            var word = line[i..end];
            var cssClass = c == '@' ? "jl-d" : _syntax.Keywords.Contains(word) ? "jl-k" : null;
            return cssClass is null ? Plain(html, line, i, end) : Span(html, cssClass, line, i, end);
        }

        return Plain(html, line, i, i + 1);
    }

    /// <summary>Recognises a string's opening: optional prefix letters (@, $, r, b, f...) then the quote.</summary>
    private (int PrefixLength, string Quote)? StringStart(string line, int i)
    {
        var p = i;
        while (p < line.Length && p - i < 3 && _syntax.StringPrefixes.Contains(char.ToLowerInvariant(line[p])))
        {
            p++;
        }

        if (p >= line.Length || (line[p] != '"' && line[p] != '\''))
        {
            return null;
        }

        if (p > i && i > 0 && (char.IsLetterOrDigit(line[i - 1]) || line[i - 1] == '_'))
        {
            return null;
        }

        var q = line[p];
        var triple = new string(q, 3);
        if (line.AsSpan(p).StartsWith(triple, StringComparison.Ordinal) && (q == '"' || !_syntax.IsCSharp))
        {
            return (p - i, triple);
        }

        return (p - i, q.ToString());
    }

    private int ReadString(string line, int i, int prefixLength, string quote, StringBuilder html)
    {
        var verbatim = _syntax.IsCSharp && line.AsSpan(i, prefixLength).Contains('@');
        if (quote.Length == 3 || verbatim)
        {
            return Open(line, i, prefixLength + quote.Length, quote, "jl-s", html);
        }

        var end = i + prefixLength + 1;
        while (end < line.Length && line[end] != quote[0])
        {
            end += line[end] == '\\' ? 2 : 1;
        }

        return Span(html, "jl-s", line, i, Math.Min(line.Length, end + 1));
    }

    /// <summary>Starts a token that may end on a later line.</summary>
    private int Open(string line, int i, int openLength, string closer, string cssClass, StringBuilder html)
    {
        var close = line.IndexOf(closer, i + openLength, StringComparison.Ordinal);
        if (close >= 0)
        {
            return Span(html, cssClass, line, i, close + closer.Length);
        }

        _openUntil = closer;
        _openClass = cssClass;
        return Span(html, cssClass, line, i, line.Length);
    }

    private int CloseOpenToken(string line, int i, StringBuilder html)
    {
        var close = line.IndexOf(_openUntil!, i, StringComparison.Ordinal);
        var cssClass = _openClass;
        if (close < 0)
        {
            return Span(html, cssClass, line, i, line.Length);
        }

        var end = close + _openUntil!.Length;
        _openUntil = null;
        return Span(html, cssClass, line, i, end);
    }

    private static int Span(StringBuilder html, string cssClass, string line, int start, int end)
    {
        html.Append("<span class=\"").Append(cssClass).Append("\">")
            .Append(WebUtility.HtmlEncode(line[start..end])).Append("</span>");
        return end;
    }

    private static int Plain(StringBuilder html, string line, int start, int end)
    {
        html.Append(WebUtility.HtmlEncode(line[start..end]));
        return end;
    }
}
