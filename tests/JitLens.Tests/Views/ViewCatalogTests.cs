using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Views;
using Xunit;

namespace JitLens.Tests.Views;

/// <summary>The view catalog: every view once, each with what front ends and renderers read from it.</summary>
public sealed class ViewCatalogTests
{
    [Fact]
    public void Should_register_each_view_once_with_a_flag_help_and_a_unit_kind()
    {
        // Given the catalog
        var views = ViewCatalog.All;

        // When its entries are read
        // Then names and flags are unique, and each view says what it shows and where it applies
        Assert.Equal(views.Count, views.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(views.Count, views.Select(v => v.Flag).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(views, v => Assert.False(string.IsNullOrWhiteSpace(v.Help)));
        Assert.All(views, v => Assert.NotEmpty(v.UnitKinds));
        Assert.All(views, v => Assert.NotEmpty(v.FrontEnds));
        Assert.All(views, v => Assert.All(v.MadeFrom, source => Assert.NotNull(ViewCatalog.Find(source))));
    }

    [Fact]
    public void Should_build_graphs_from_the_lowest_level_listing_each_kind_of_unit_has()
    {
        // Given the catalog's views that can feed a graph
        // When the sources of a CPU method's and a GPU kernel's graph are read
        // Then a method's graph comes from asm, and a kernel's from SASS before PTX
        Assert.Equal([AsmView.Id], ViewCatalog.CfgSources(UnitKind.CpuMethod));
        Assert.Equal([SassView.Id, PtxView.Id], ViewCatalog.CfgSources(UnitKind.GpuKernel));
    }

    [Fact]
    public void Should_make_the_default_views_when_none_is_asked_for_and_only_the_asked_ones_otherwise()
    {
        // Given a request naming no views and one naming il
        var defaults = new InspectRequest { Inputs = [] };
        var il = new InspectRequest { Inputs = [], Views = [IlView.Id] };

        // When they are asked which views to make
        // Then the first makes every view shown by default, the second il alone
        Assert.All(ViewCatalog.All, v => Assert.Equal(v.ShownByDefault, defaults.Wants(v.Name)));
        Assert.True(il.Wants(IlView.Id));
        Assert.False(il.Wants(AsmView.Id));
    }
}
