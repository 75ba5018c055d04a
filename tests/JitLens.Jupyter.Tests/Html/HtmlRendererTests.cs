using System.Globalization;
using System.Text.RegularExpressions;
using JitLens.Rendering;
using JitLens.Rendering.Html;

namespace JitLens.Jupyter.Tests.Html;

public sealed partial class HtmlRendererTests
{
    [Fact]
    public void Should_be_registered_in_the_renderer_catalog_as_html()
    {
        // Given the catalog the CLI looks formats up in
        // When the html format is looked up
        var renderer = RendererCatalog.Find("html");

        // Then it is the interactive view
        Assert.IsType<HtmlRenderer>(renderer);
    }

    [Fact]
    public void Should_write_one_document_that_references_nothing_outside_itself()
    {
        // Given a model with methods and a kernel
        var html = Render(SampleModels.TwoMethodsAndAKernel());

        // Then styles and script are inline, nothing is loaded from elsewhere, and a CSP forbids requests
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
    }

    [Fact]
    public void Should_give_each_view_a_tab_and_label_prolog_epilog_and_unmapped_code()
    {
        // Given a method with il and asm views, prolog, epilog and unmapped asm, and a CFG
        var html = Render(SampleModels.TwoMethodsAndAKernel());

        // Then each view and the CFG have a tab, and every non-line instruction says which region it is
        Assert.Contains("data-view=\"il\"", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"asm\"", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"cfg\"", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"ptx\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "data-region=\"prolog\""));
        Assert.Single(Regex.Matches(html, "data-region=\"epilog\""));
        Assert.Single(Regex.Matches(html, "data-region=\"unmapped\""));
        Assert.Contains("<span class=\"jl-tag\">prolog</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_tier_arch_and_a_picker_when_there_are_several_units()
    {
        // Given two methods and a kernel
        var html = Render(SampleModels.TwoMethodsAndAKernel());

        // Then a picker lists all three, and tier and arch are shown
        Assert.Equal(3, Regex.Count(html, "<option "));
        Assert.Contains("tier: FullOpts", html, StringComparison.Ordinal);
        Assert.Contains("arch: sm_80", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_highlight_csharp_and_python_keywords_strings_and_comments()
    {
        // Given a C# model and a Python model
        var csharp = Render(SampleModels.TwoMethodsAndAKernel());
        var python = Render(SampleModels.PythonFunction());

        // Then keywords, comments, strings and decorators are marked up for colour
        Assert.Contains("<span class=\"jl-k\">static</span>", csharp, StringComparison.Ordinal);
        Assert.Contains("<span class=\"jl-c\">// Sums the array.</span>", csharp, StringComparison.Ordinal);
        Assert.Contains("<span class=\"jl-s\">$&quot;Hello, {name}&quot;</span>", csharp, StringComparison.Ordinal);
        Assert.Contains("<span class=\"jl-k\">def</span>", python, StringComparison.Ordinal);
        Assert.Contains("<span class=\"jl-d\">@njit</span>", python, StringComparison.Ordinal);
        Assert.Contains("data-view=\"bytecode\"", python, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_every_fragment_its_own_root_so_views_on_one_page_do_not_clash()
    {
        // Given the same model rendered twice as notebook fragments
        var model = SampleModels.TwoMethodsAndAKernel();
        var first = HtmlView.ToFragment(model, new RenderOptions());
        var second = HtmlView.ToFragment(model, new RenderOptions());

        // Then each has a different root id and its script binds to that id only
        var firstId = RootId().Match(first).Groups[1].Value;
        var secondId = RootId().Match(second).Groups[1].Value;
        Assert.NotEqual(firstId, secondId);
        Assert.Contains($"document.getElementById(\"{firstId}\")", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_only_the_requested_views_in_the_requested_order()
    {
        // Given a request for asm only
        var html = Render(SampleModels.TwoMethodsAndAKernel(), new RenderOptions { Views = ["asm"] });

        // Then no IL pane or CFG pane is written
        Assert.DoesNotContain("data-view=\"il\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-view=\"cfg\"", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"asm\"", html, StringComparison.Ordinal);
    }

    internal static string Render(Model.InspectionResult model, RenderOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new HtmlRenderer().Render(model, writer, options ?? new RenderOptions());
        return writer.ToString();
    }

    [GeneratedRegex("(?:src|href)\\s*=|https?://(?!www\\.w3\\.org/2000/svg)|@import|url\\(")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("class=\"jitlens\" id=\"(jl-[0-9a-f]+)\"")]
    private static partial Regex RootId();
}
