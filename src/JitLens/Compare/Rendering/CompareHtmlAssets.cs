namespace JitLens.Compare.Rendering;

/// <summary>The compare view's inline style and script (no network: the document must work offline).</summary>
internal static class CompareHtmlAssets
{
    /// <summary>The page's own style, for the standalone document only: a notebook's page is not ours to style.</summary>
    public const string Page = "html{color-scheme:light dark}body{margin:0;padding:12px;background:Canvas;color:CanvasText}";

    public const string Css = """
        .jc-compare{font-family:system-ui,sans-serif}
        .jc-trust{display:none}
        .jc-compare h2{font-size:1.05em;margin:1em 0 .2em;font-family:ui-monospace,monospace}
        .jc-compare h3{font-size:.9em;margin:.2em 0;font-weight:normal;opacity:.8}
        .jc-totals{margin:.2em 0 .5em;font-size:.9em}
        .jc-panes{display:grid;grid-template-columns:1fr 1fr;gap:8px}
        .jc-side{min-width:0}
        .jc-pane{max-height:70vh;overflow:auto;border:1px solid color-mix(in srgb,CanvasText 25%,transparent);font-family:ui-monospace,monospace;font-size:12px;line-height:16px}
        .jc-row{cursor:pointer;border-bottom:1px solid color-mix(in srgb,CanvasText 8%,transparent)}
        .jc-row>div{white-space:pre;height:16px;padding:0 6px}
        .jc-changed{background:color-mix(in srgb,orange 14%,transparent)}
        .jc-absent{background:color-mix(in srgb,CanvasText 6%,transparent)}
        .jc-selected{outline:2px solid Highlight;outline-offset:-2px;background:color-mix(in srgb,Highlight 22%,transparent)}
        .jc-num{display:inline-block;min-width:4ch;text-align:right;opacity:.6}
        .jc-delta{font-style:italic;opacity:.85}
        .jc-code{padding-left:5ch!important}
        .jc-code-changed{color:color-mix(in srgb,CanvasText 70%,#c05000)}
        .jc-view{display:inline-block;min-width:4ch;opacity:.6}
        """;

    // Each unit's two panes share one selection and one scroll position; rows carry the same data-row on both sides.
    public const string Script = """
        (function(){
          document.querySelectorAll('.jc-compare .jc-trust').forEach(function(p){ p.remove(); });
          document.querySelectorAll('.jc-unit:not([data-bound])').forEach(function(unit){
            // A notebook runs this once per output: each unit is bound once.
            unit.dataset.bound = '1';
            var panes = unit.querySelectorAll('.jc-pane');
            var syncing = null;
            panes.forEach(function(pane){
              pane.addEventListener('scroll', function(){
                if (syncing && syncing !== pane) { return; }
                syncing = pane;
                panes.forEach(function(other){ if (other !== pane) { other.scrollTop = pane.scrollTop; other.scrollLeft = pane.scrollLeft; } });
                requestAnimationFrame(function(){ syncing = null; });
              });
              pane.addEventListener('click', function(e){
                var row = e.target.closest('.jc-row');
                if (!row) { return; }
                unit.querySelectorAll('.jc-selected').forEach(function(r){ r.classList.remove('jc-selected'); });
                unit.querySelectorAll('.jc-row[data-row="' + row.dataset.row + '"]').forEach(function(r){ r.classList.add('jc-selected'); });
              });
            });
          });
        })();
        """;
}
