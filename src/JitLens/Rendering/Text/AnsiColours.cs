namespace JitLens.Rendering.Text;

/// <summary>
/// The colour of each text style on a terminal, as ANSI SGR parameters (standard and 256-colour codes, which every
/// terminal emulator in use understands).
/// </summary>
internal static class AnsiColours
{
    private const string Escape = "\u001b[";

    public static string Paint(string text, TextStyle style) => SgrOf(style) is { } sgr && text.Length > 0
        ? $"{Escape}{sgr}m{text}{Escape}0m"
        : text;

    private static string? SgrOf(TextStyle style) => style switch
    {
        TextStyle.UnitHeader => "1;33",
        TextStyle.LineNumber => "90",
        TextStyle.Source => "1;97",
        TextStyle.ViewName => "36",
        TextStyle.Label => "95",
        TextStyle.Region => "3;90",
        TextStyle.Note => "38;5;214",
        TextStyle.Remark => "96",
        TextStyle.Removed => "31",
        TextStyle.Added => "32",
        TextStyle.Delta => "33",
        _ => null,
    };
}
