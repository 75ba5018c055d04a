using JitLens.Jupyter.Inspect;
using JitLens.Views;
using Xunit;

namespace JitLens.Jupyter.Tests.Inspect;

/// <summary>The <c>%%inspect</c> flags and help come from the view catalog: one flag per view of C# code.</summary>
public sealed class InspectMagicViewTests
{
    private static IEnumerable<View> CellViews =>
        ViewCatalog.All.Where(v => v.FrontEnds.Contains(FrontEnd.DotnetJit) || v.FrontEnds.Contains(FrontEnd.Ilgpu));

    [Fact]
    public void Should_take_a_flag_for_every_catalog_view_of_csharp_code()
    {
        // Given a %%inspect line with the flag of every view the JIT or ILGPU makes
        var line = "%%inspect " + string.Join(' ', CellViews.Select(v => "--" + v.Flag));

        // When it is parsed
        var magic = InspectMagic.Parse(line + "\nint One() => 1;");

        // Then every view is asked for, in the catalog's order, and nothing is refused
        Assert.NotNull(magic);
        Assert.Null(magic.Error);
        Assert.Equal(CellViews.Select(v => v.Name), magic.Views);
    }

    [Fact]
    public void Should_refuse_the_flag_of_a_view_only_numba_makes()
    {
        // Given a %%inspect line with a Numba view's flag
        var magic = InspectMagic.Parse($"%%inspect --{BytecodeView.Id}\nint One() => 1;");

        // When it is parsed
        // Then the flag is refused with a sentence
        Assert.NotNull(magic?.Error);
        Assert.Contains("--" + BytecodeView.Id, magic.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_describe_every_catalog_view_of_csharp_code_in_the_help()
    {
        // Given the %%inspect help
        var usage = InspectMagic.Usage;

        // When it is read
        // Then each view has its flag on the first line and a line of help of its own
        var lines = usage.Split('\n');
        Assert.All(CellViews, v => Assert.Contains($"[--{v.Flag}]", lines[0], StringComparison.Ordinal));
        Assert.All(CellViews, v => Assert.Contains(lines, l => l.TrimStart().StartsWith("--" + v.Flag + " ", StringComparison.Ordinal) && l.EndsWith(v.Help, StringComparison.Ordinal)));
    }
}
