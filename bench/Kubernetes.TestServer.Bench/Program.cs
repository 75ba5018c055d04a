using System.Diagnostics;
using System.Globalization;
using Kubernetes.TestServer.Bench;

// Measures the test API server through the official C# client, as an operator under test uses it.
var objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var report = await ServerBenchmark.RunAsync(objects);
Console.WriteLine(report);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process RSS at the end: {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB"));
