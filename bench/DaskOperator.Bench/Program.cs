using DaskOperator.Bench;

// Usage: dotnet run -c Release --project bench/DaskOperator.Bench -- [1,50,200]        children latency
//        dotnet run -c Release --project bench/DaskOperator.Bench -- footprint [200]   RSS and throughput per build
if (args.FirstOrDefault() == "footprint")
{
    var clusters = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
    return await FootprintBenchmark.RunAsync(clusters, BuildVariants.All(await PublishedOperator.PathAsync()), Console.Out);
}
var sizes = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : [1, 50, 200];
return await ChildrenLatencyBenchmark.RunAsync(sizes, Console.Out);
