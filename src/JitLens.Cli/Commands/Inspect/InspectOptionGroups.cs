namespace JitLens.Cli.Commands.Inspect;

/// <summary>The one place where option groups of <c>inspect</c> are registered; add a group to add options.</summary>
internal static class InspectOptionGroups
{
    public static IReadOnlyList<IInspectOptions> All() =>
    [
        new CoreInspectOptions(),
    ];
}
