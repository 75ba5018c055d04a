using System.Net;
using JitLens.Model;

namespace JitLens.Rendering.Html;

/// <summary>
/// The interactive per-line view as one self-contained HTML document: styles and script inline, and a
/// Content-Security-Policy that forbids every network request, so the file works offline and leaks nothing.
/// </summary>
public sealed class HtmlRenderer : IRenderer
{
    public string Name => "html";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var title = result.Methods.Concat(result.Kernels).FirstOrDefault()?.Name ?? "JitLens";
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        output.Write($"<title>JitLens: {WebUtility.HtmlEncode(title)}</title>\n");
        output.Write("<style>html{color-scheme:light dark}body{margin:0;padding:12px;background:Canvas;color:CanvasText}</style>\n");
        output.Write("</head>\n<body>\n");
        HtmlView.Write(result, output, options, HtmlView.NewRootId());
        output.Write("\n</body>\n</html>\n");
    }
}
