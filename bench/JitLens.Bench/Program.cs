using System.Globalization;
using JitLens.Bench;

// Usage: JitLens.Bench JITLENS SAMPLE.cs [RUNS]   (JITLENS: the installed `jitlens` command, or JitLens.Cli.dll)
// Side by side, in one run: cold `jitlens inspect SAMPLE.cs` and what a user would otherwise do, `dotnet run` of the
// same code under DOTNET_JitDisasm (same optimized mode). Each is run once untimed first so that disk caches, NuGet
// restore and the baseline's obj/ exist, which favours the baseline.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: JitLens.Bench JITLENS SAMPLE.cs [RUNS]");
    return 2;
}

var jitlens = Path.GetFullPath(args[0]);
var sample = Path.GetFullPath(args[1]);
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

var baselineDir = Directory.CreateTempSubdirectory("jitlens-bench-baseline-").FullName;
File.Copy(sample, Path.Combine(baselineDir, "Sample.cs"));
File.Copy(Path.Combine(AppContext.BaseDirectory, "Baseline", "Driver.cs"), Path.Combine(baselineDir, "Driver.cs"));
File.Copy(Path.Combine(AppContext.BaseDirectory, "Baseline", "Baseline.csproj.txt"), Path.Combine(baselineDir, "Baseline.csproj"));
var disasmEnvironment = new Dictionary<string, string>
{
    ["DOTNET_JitDisasm"] = "*Sample:*",
    ["DOTNET_TieredCompilation"] = "0",
};

Measurement Ours() => jitlens.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
    ? ProcessMeter.Run("dotnet", [jitlens, "inspect", sample, "--format", "json"], Environment.CurrentDirectory)
    : ProcessMeter.Run(jitlens, ["inspect", sample, "--format", "json"], Environment.CurrentDirectory);
Measurement Baseline() => ProcessMeter.Run("dotnet", ["run", "-c", "Release"], baselineDir, disasmEnvironment);

try
{
    Ours();
    Baseline();
    var ours = new List<Measurement>();
    var baseline = new List<Measurement>();
    for (var i = 0; i < runs; i++)
    {
        ours.Add(Ours());
        baseline.Add(Baseline());
    }

    var oursMedian = ours.OrderBy(m => m.Wall).ElementAt(runs / 2);
    var baselineMedian = baseline.OrderBy(m => m.Wall).ElementAt(runs / 2);
    Console.WriteLine($"cores: {Environment.ProcessorCount}, runs: {runs} (median shown), load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    Console.WriteLine($"jitlens inspect (cold)            {oursMedian.Wall.TotalSeconds,6:0.00} s   peak {oursMedian.PeakBytes / 1048576.0,6:0} MiB");
    Console.WriteLine($"dotnet run + DOTNET_JitDisasm      {baselineMedian.Wall.TotalSeconds,6:0.00} s   peak {baselineMedian.PeakBytes / 1048576.0,6:0} MiB");
    Console.WriteLine($"ratio (jitlens / baseline)         {oursMedian.Wall / baselineMedian.Wall,6:0.00}x   memory {(double)oursMedian.PeakBytes / baselineMedian.PeakBytes,5:0.00}x");
    return 0;
}
finally
{
    Directory.Delete(baselineDir, recursive: true);
}
