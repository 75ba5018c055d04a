using System.Globalization;

namespace Kubernetes.TestServer.Bench;

/// <summary>p50/p99/max of a set of durations in milliseconds.</summary>
internal static class Percentiles
{
    public static string Describe(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p / 100 * milliseconds.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(50):0.0} ms, p99 {At(99):0.0} ms, max {milliseconds[^1]:0.0} ms");
    }
}
