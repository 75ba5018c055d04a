namespace DaskOperator.Bench;

/// <summary>
/// The operator builds the footprint benchmark compares: the framework-dependent JIT dll next to the benchmark (the
/// baseline: what the operator was before it shipped compiled ahead of time) and the Native AOT executable the image
/// ships (scripts/publish-operator.sh).
/// </summary>
internal static class BuildVariants
{
    public static IReadOnlyList<BuildVariant> All(string publishedExecutable) =>
    [
        new("JIT dll (baseline)", null, []),
        new("Native AOT executable (image build)", publishedExecutable, []),
    ];
}

/// <summary>One operator build: its executable (null: the dll through <c>dotnet</c>) and its environment.</summary>
internal sealed record BuildVariant(string Name, string? Executable, Dictionary<string, string> Environment);
