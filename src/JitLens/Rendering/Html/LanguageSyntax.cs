namespace JitLens.Rendering.Html;

/// <summary>What the highlighter needs to know about a language: keywords, comment and string forms.</summary>
internal sealed record LanguageSyntax(bool IsCSharp, string? LineComment, IReadOnlySet<string> Keywords, IReadOnlySet<char> StringPrefixes)
{
    private static readonly LanguageSyntax CSharp = new(
        IsCSharp: true,
        LineComment: "//",
        Keywords: Words("""
            abstract as async await base bool break byte case catch char checked class const continue decimal default
            delegate do double else enum event explicit extern false finally fixed float for foreach get goto if implicit
            in init int interface internal is lock long namespace new nint nuint null object operator out override params
            partial private protected public readonly record ref required return sbyte sealed set short sizeof stackalloc
            static string struct switch this throw true try typeof uint ulong unchecked unmanaged unsafe ushort using var
            virtual void volatile when where while with yield
            """),
        StringPrefixes: new HashSet<char> { '@', '$' });

    private static readonly LanguageSyntax Python = new(
        IsCSharp: false,
        LineComment: "#",
        Keywords: Words("""
            False None True and as assert async await break class continue def del elif else except finally for from
            global if import in is lambda nonlocal not or pass raise return try while with yield
            """),
        StringPrefixes: new HashSet<char> { 'r', 'b', 'f', 'u' });

    private static readonly LanguageSyntax Plain = new(false, null, new HashSet<string>(), new HashSet<char>());

    public static LanguageSyntax For(string language) => language.ToLowerInvariant() switch
    {
        "csharp" or "c#" or "cs" => CSharp,
        "python" or "py" => Python,
        _ => Plain,
    };

    private static HashSet<string> Words(string text) =>
        text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
