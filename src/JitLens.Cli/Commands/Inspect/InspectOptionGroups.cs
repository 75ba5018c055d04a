namespace JitLens.Cli.Commands.Inspect;

/// <summary>The one place where option groups of <c>inspect</c> are registered; add a group to add options.</summary>
internal static class InspectOptionGroups
{
    public static IReadOnlyList<IInspectOptions> All()
    {
        var numba = new NumbaOptions();
        return
        [
            new CoreInspectOptions(),
            new InspectOptionGroup([numba.Signature, numba.Python, numba.Report, numba.Opt], numba.ApplyTo),
            new GpuInspectOptions(),
        ];
    }
}
