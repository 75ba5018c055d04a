using DaskOperator.Bench;

// Usage: dotnet run -c Release --project bench/DaskOperator.Bench -- [1,50,200]
var sizes = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : [1, 50, 200];
return await ChildrenLatencyBenchmark.RunAsync(sizes, Console.Out);
