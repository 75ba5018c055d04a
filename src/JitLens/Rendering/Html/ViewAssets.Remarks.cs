namespace JitLens.Rendering.Html;

internal static partial class ViewAssets
{
    /// <summary>Remark badges and the remarks summary; inferred remarks get a dashed border.</summary>
    public const string RemarksCss = """
.jitlens .jl-remark{margin-left:6px;padding:0 6px;border:1px solid var(--jl-region);border-radius:8px;color:var(--jl-region);font-size:11px;line-height:16px;white-space:nowrap;cursor:help}
.jitlens .jl-remark-inferred{border-style:dashed}
.jitlens .jl-remarks{margin:4px 0;color:var(--jl-region);font-size:12px}

""";
}
