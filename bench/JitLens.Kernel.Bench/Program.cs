using System.Globalization;
using JitLens.Kernel.Bench;

// Edits the method of a %%inspect cell before every run (a new constant), so nothing can come from a cache, and
// times execute_request → display_data in a warm kernel. Baseline: the same edited cell without %%inspect,
// execute_request → execute_result, in the same kernel and run.
const int WarmUp = 3;
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;

static string Cell(int edit, bool inspect) =>
    (inspect ? "%%inspect\n" : string.Empty)
    + $"int Scale(int[] values)\n{{\n    var total = 0;\n    foreach (var v in values)\n        total += v * {edit};\n    return total;\n}}\nScale(new[] {{ 1, 2, 3 }})";

using var kernel = new KernelProcess();
using var client = new KernelClient(kernel.Connection);
client.WaitUntilReady(TimeSpan.FromMinutes(2));

var inspect = new List<double>();
var baseline = new List<double>();
for (var i = 0; i < WarmUp + runs; i++)
{
    var (viewTime, viewStatus) = client.Execute(Cell(1000 + i, inspect: true), "display_data");
    var (plainTime, plainStatus) = client.Execute(Cell(5000 + i, inspect: false), "execute_result");
    if (viewStatus != "ok" || plainStatus != "ok")
    {
        Console.Error.WriteLine($"run {i}: the cell failed ({viewStatus}, {plainStatus})");
        return 1;
    }

    if (i >= WarmUp)
    {
        inspect.Add(viewTime.TotalMilliseconds);
        baseline.Add(plainTime.TotalMilliseconds);
    }
}

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

var report = string.Create(CultureInfo.InvariantCulture, $"""
    edited %%inspect cell, warm kernel, {runs} runs after {WarmUp} warm-up runs
    | measure | median ms | min ms | max ms |
    |---|---|---|---|
    | execute_request → display_data (%%inspect) | {Median(inspect):F1} | {inspect.Min():F1} | {inspect.Max():F1} |
    | execute_request → execute_result (same cell, no %%inspect) | {Median(baseline):F1} | {baseline.Min():F1} | {baseline.Max():F1} |
    ratio (median): {Median(inspect) / Median(baseline):F1}× the plain cell; target ≤ 100 ms to display_data
    """);
Console.WriteLine(report);
var artifacts = Path.Combine(Environment.CurrentDirectory, "artifacts", "bench");
Directory.CreateDirectory(artifacts);
File.WriteAllText(Path.Combine(artifacts, "kernel-inspect.md"), report + "\n");
return 0;
