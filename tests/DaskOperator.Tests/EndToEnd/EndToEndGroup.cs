namespace DaskOperator.Tests.EndToEnd;

/// <summary>End-to-end tests start real Dask processes: they run one at a time, and not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndGroup
{
    public const string Name = "End to end";
}
