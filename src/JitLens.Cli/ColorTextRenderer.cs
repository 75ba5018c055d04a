using JitLens.Model;
using JitLens.Rendering;
using JitLens.Rendering.Text;
using Spectre.Console;

namespace JitLens.Cli;

/// <summary>The text layout in colour, for a terminal (redirected output stays plain).</summary>
internal static class ColorTextRenderer
{
    public static void Render(InspectionResult result, RenderOptions options)
    {
        foreach (var line in TextLayout.Lines(result, options))
        {
            foreach (var span in line)
            {
                AnsiConsole.Write(new Text(span.Text, StyleOf(span.Style)));
            }

            AnsiConsole.WriteLine();
        }
    }

    private static Style StyleOf(TextStyle style) => style switch
    {
        TextStyle.UnitHeader => new Style(Color.Yellow, decoration: Decoration.Bold),
        TextStyle.LineNumber => new Style(Color.Grey),
        TextStyle.Source => new Style(Color.White, decoration: Decoration.Bold),
        TextStyle.ViewName => new Style(Color.Teal),
        TextStyle.Label => new Style(Color.Fuchsia),
        TextStyle.Region => new Style(Color.Grey, decoration: Decoration.Italic),
        TextStyle.Note => new Style(Color.Orange1),
        TextStyle.Remark => new Style(Color.Aqua),
        _ => Style.Plain,
    };
}
