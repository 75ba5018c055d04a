namespace JitLens.Tests.Numba;

/// <summary>features.py inspected by JitLens and built the normal way, once for all of <see cref="NumbaFeatureTests"/>.</summary>
public sealed class FeaturesInspection() : NormalBuildComparison(Fixture)
{
    public const string Fixture = "features.py";
}
