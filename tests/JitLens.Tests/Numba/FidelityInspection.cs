namespace JitLens.Tests.Numba;

/// <summary>fidelity.py inspected by JitLens and built the normal way, once for all of <see cref="NumbaFidelityTests"/>.</summary>
public sealed class FidelityInspection() : NormalBuildComparison(Fixture)
{
    public const string Fixture = "fidelity.py";
}
