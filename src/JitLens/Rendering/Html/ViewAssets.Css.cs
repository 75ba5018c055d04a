namespace JitLens.Rendering.Html;

internal static partial class ViewAssets
{
    /// <summary>
    /// Every rule starts with <c>.jitlens</c> so the view never restyles the notebook around it. Colours are
    /// variables: the script sets <c>data-theme</c> from the page around the view (never from the OS setting alone); without script the view is light.
    /// </summary>
    public const string Css = """
.jitlens{--jl-bg:#ffffff;--jl-fg:#1f2328;--jl-muted:#6e7781;--jl-border:#d0d7de;--jl-hover:#f3f4f6;--jl-sel:#fff1a8;--jl-sel2:#dbeafe;--jl-accent:#0969da;--jl-k:#0550ae;--jl-s:#a31515;--jl-c:#6a737d;--jl-n:#098658;--jl-p:#8250df;--jl-badge:#eef1f4;--jl-region:#9a6700;--jl-block-l:88%;--jl-mark-l:55%;
  font-family:ui-sans-serif,system-ui,sans-serif;font-size:13px;color:var(--jl-fg);background:var(--jl-bg);border:1px solid var(--jl-border);border-radius:6px;padding:8px;outline:none;box-sizing:border-box;max-width:100%}
.jitlens[data-theme=dark]{--jl-bg:#1e1e1e;--jl-fg:#d4d4d4;--jl-muted:#9198a1;--jl-border:#3d444d;--jl-hover:#2a2d2e;--jl-sel:#5c4d00;--jl-sel2:#1f3a5f;--jl-accent:#4493f8;--jl-k:#569cd6;--jl-s:#ce9178;--jl-c:#6a9955;--jl-n:#b5cea8;--jl-p:#c586c0;--jl-badge:#2d333b;--jl-region:#d29922;--jl-block-l:30%;--jl-mark-l:45%}
.jitlens:focus-visible{box-shadow:0 0 0 2px var(--jl-accent)}
.jitlens *{box-sizing:border-box}
.jitlens code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;white-space:pre;background:none;color:inherit;padding:0}
.jitlens .jl-bar{margin-bottom:6px;display:flex;flex-wrap:wrap;gap:10px;align-items:center}
.jitlens .jl-search{font:inherit;color:var(--jl-fg);background:var(--jl-bg);border:1px solid var(--jl-border);border-radius:4px;padding:2px 6px;min-width:14em}
.jitlens .jl-ins.jl-hit{box-shadow:inset 0 0 0 1px var(--jl-accent)}
.jitlens .jl-ins.jl-hit.jl-current{background:var(--jl-sel2)}
.jitlens .jl-unit-head{font-size:11px;font-weight:600;color:var(--jl-muted);padding:4px 6px 2px;border-top:1px solid var(--jl-border);position:sticky;top:0;background:var(--jl-bg)}
.jitlens .jl-unit-head[hidden],.jitlens .jl-ins[hidden]{display:none}
.jitlens.jl-split .jl-views{display:grid;grid-template-columns:repeat(auto-fit,minmax(16em,1fr));gap:6px;align-content:start}
.jitlens.jl-split .jl-tabs{display:none}
.jitlens.jl-js.jl-split .jl-pane-title{display:block;margin:0;padding:2px 6px;position:sticky;top:0;background:var(--jl-bg);z-index:1}
.jitlens.jl-split .jl-main{grid-template-columns:minmax(0,2fr) minmax(0,3fr)}
.jitlens .jl-picker{font:inherit;color:var(--jl-fg);background:var(--jl-bg);border:1px solid var(--jl-border);border-radius:4px;padding:2px 4px;max-width:100%}
.jitlens .jl-meta{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-bottom:6px}
.jitlens .jl-name{font-weight:600;font-family:ui-monospace,monospace}
.jitlens .jl-badge{background:var(--jl-badge);border-radius:10px;padding:1px 8px;font-size:11px;color:var(--jl-muted)}
.jitlens .jl-status{color:var(--jl-muted);font-size:11px;margin-left:auto}
.jitlens .jl-note{margin:4px 0;color:var(--jl-region);font-size:12px}
.jitlens .jl-inlining{margin-left:1em;color:var(--jl-region);font-size:11px;font-style:italic}
.jitlens .jl-empty{color:var(--jl-muted)}
.jitlens .jl-trust{display:none}
.jitlens:not(.jl-js) .jl-trust{display:block;margin:4px 0;color:var(--jl-muted);font-size:12px}
.jitlens .jl-main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px}
@media (max-width:700px){.jitlens .jl-main{grid-template-columns:minmax(0,1fr)}}
.jitlens .jl-source,.jitlens .jl-pane{border:1px solid var(--jl-border);border-radius:4px;max-height:480px;overflow:auto;position:relative}
.jitlens .jl-path{font-size:11px;color:var(--jl-muted);padding:2px 6px;border-bottom:1px solid var(--jl-border);position:sticky;top:0;background:var(--jl-bg);z-index:1}
.jitlens .jl-line{display:flex;cursor:pointer;border-left:4px solid transparent;line-height:18px}
.jitlens .jl-line.jl-has-code{border-left-color:hsl(var(--jl-h,0) 65% var(--jl-mark-l))}
.jitlens .jl-line.jl-no-code{opacity:.6;cursor:default}
.jitlens .jl-line:hover,.jitlens .jl-ins:hover{background:var(--jl-hover)}
.jitlens .jl-ln{display:inline-block;min-width:3.5em;text-align:right;padding-right:8px;color:var(--jl-muted);font-family:ui-monospace,monospace;font-size:12px;user-select:none}
.jitlens .jl-line.jl-sel,.jitlens .jl-ins.jl-sel{background:var(--jl-sel)}
.jitlens .jl-line.jl-blocksel{background:var(--jl-sel2)}
.jitlens .jl-tabs{display:flex;flex-wrap:wrap;gap:2px;margin-bottom:-1px}
.jitlens .jl-tab{font:inherit;font-size:12px;color:var(--jl-muted);background:var(--jl-badge);border:1px solid var(--jl-border);border-bottom:none;border-radius:4px 4px 0 0;padding:2px 10px;cursor:pointer}
.jitlens .jl-tab[aria-selected=true]{color:var(--jl-fg);background:var(--jl-bg);font-weight:600}
.jitlens .jl-pane[hidden],.jitlens .jl-unit[hidden]{display:none}
.jitlens .jl-pane-title{font-size:11px;font-weight:600;color:var(--jl-muted);margin:6px 0 2px}
.jitlens.jl-js .jl-pane-title,.jitlens:not(.jl-js) .jl-tabs,.jitlens:not(.jl-js) .jl-bar{display:none}
.jitlens:not(.jl-js) .jl-unit{border-top:1px solid var(--jl-border);margin-top:8px}
.jitlens .jl-ins{display:flex;gap:6px;cursor:pointer;line-height:18px;padding-right:6px}
.jitlens .jl-ins[data-line]{border-left:4px solid hsl(var(--jl-h,0) 65% var(--jl-mark-l))}
.jitlens .jl-ins:not([data-line]){border-left:4px solid transparent}
.jitlens .jl-off{color:var(--jl-muted);font-family:ui-monospace,monospace;font-size:11px;min-width:3.2em;text-align:right;flex:none}
.jitlens .jl-tag{color:var(--jl-muted);font-size:10px;min-width:4.2em;text-align:right;padding-top:1px;flex:none;white-space:nowrap}
.jitlens .jl-ins:not([data-region=body]) .jl-tag{color:var(--jl-region);font-style:italic}
.jitlens .jl-ins:not([data-region=body]) code{color:var(--jl-muted)}
.jitlens .jl-label{color:var(--jl-p);font-family:ui-monospace,monospace;font-size:12px}
.jitlens .jl-k{color:var(--jl-k)}.jitlens .jl-s{color:var(--jl-s)}.jitlens .jl-c{color:var(--jl-c);font-style:italic}.jitlens .jl-n{color:var(--jl-n)}.jitlens .jl-p,.jitlens .jl-d{color:var(--jl-p)}
.jitlens .jl-cfg{padding:6px}
.jitlens .jl-cfg-caption{font-size:11px;color:var(--jl-muted);margin-bottom:4px}
.jitlens .jl-cfg svg{max-width:100%;height:auto}
.jitlens .jl-cfg svg text{fill:var(--jl-fg)}
.jitlens .cfg-block{cursor:pointer}
.jitlens .cfg-block.jl-colored>:is(rect,polygon,ellipse,path){fill:hsl(var(--jl-h,0) 70% var(--jl-block-l));stroke:var(--jl-muted)}
.jitlens .cfg-block.jl-sel>:is(rect,polygon,ellipse,path){stroke:var(--jl-accent);stroke-width:3}
.jitlens .cfg-edge{fill:none}
.jitlens .jl-cfg-list .cfg-block{border:1px solid var(--jl-border);border-left:6px solid hsl(var(--jl-h,0) 65% var(--jl-mark-l));border-radius:4px;margin:4px 0;padding:2px 6px;display:flex;flex-direction:column}
.jitlens .jl-cfg-list .cfg-block.jl-sel{outline:2px solid var(--jl-accent)}
.jitlens .jl-cfg-head{font-size:11px;color:var(--jl-muted)}
""";
}
