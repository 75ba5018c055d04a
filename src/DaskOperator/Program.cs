using DaskOperator.Hosting;

namespace DaskOperator;

internal static class Program
{
    private static Task<int> Main(string[] args) => CommandLine.RunAsync(args, Console.Out, Console.Error);
}
