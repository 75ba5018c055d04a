namespace JitLens.Compare.Rendering;

/// <summary>The compare view's inline style and script (no network: the document must work offline).</summary>
internal static class CompareHtmlAssets
{
    public const string Css = """
        html{color-scheme:light dark}body{margin:0;padding:12px;background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}
        .jl-compare h2{font-size:1.05em;margin:1em 0 .2em;font-family:ui-monospace,monospace}
        .jl-compare h3{font-size:.9em;margin:.2em 0;font-weight:normal;opacity:.8}
        .jl-totals{margin:.2em 0 .5em;font-size:.9em}
        .jl-panes{display:grid;grid-template-columns:1fr 1fr;gap:8px}
        .jl-side{min-width:0}
        .jl-pane{max-height:70vh;overflow:auto;border:1px solid color-mix(in srgb,CanvasText 25%,transparent);font-family:ui-monospace,monospace;font-size:12px;line-height:16px}
        .jl-row{cursor:pointer;border-bottom:1px solid color-mix(in srgb,CanvasText 8%,transparent)}
        .jl-row>div{white-space:pre;height:16px;padding:0 6px}
        .jl-changed{background:color-mix(in srgb,orange 14%,transparent)}
        .jl-absent{background:color-mix(in srgb,CanvasText 6%,transparent)}
        .jl-selected{outline:2px solid Highlight;outline-offset:-2px;background:color-mix(in srgb,Highlight 22%,transparent)}
        .jl-num{display:inline-block;min-width:4ch;margin-right:1ch;text-align:right;opacity:.6}
        .jl-delta{font-style:italic;opacity:.85}
        .jl-code{padding-left:5ch!important}
        .jl-code-changed{color:color-mix(in srgb,CanvasText 70%,#c05000)}
        .jl-view{display:inline-block;min-width:5ch;opacity:.6}
        """;

    // Each unit's two panes share one selection and one scroll position; rows carry the same data-row on both sides.
    public const string Script = """
        (function(){
          document.querySelectorAll('.jl-unit').forEach(function(unit){
            var panes = unit.querySelectorAll('.jl-pane');
            var syncing = null;
            panes.forEach(function(pane){
              pane.addEventListener('scroll', function(){
                if (syncing && syncing !== pane) { return; }
                syncing = pane;
                panes.forEach(function(other){ if (other !== pane) { other.scrollTop = pane.scrollTop; other.scrollLeft = pane.scrollLeft; } });
                requestAnimationFrame(function(){ syncing = null; });
              });
              pane.addEventListener('click', function(e){
                var row = e.target.closest('.jl-row');
                if (!row) { return; }
                unit.querySelectorAll('.jl-selected').forEach(function(r){ r.classList.remove('jl-selected'); });
                unit.querySelectorAll('.jl-row[data-row="' + row.dataset.row + '"]').forEach(function(r){ r.classList.add('jl-selected'); });
              });
            });
          });
        })();
        """;
}
