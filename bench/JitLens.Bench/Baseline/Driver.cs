// What a user writes to see the JIT's output without JitLens: call every method once under DOTNET_JitDisasm.
using System.Runtime.Intrinsics;
using Samples;

var data = new[] { 1, 2, 3, 4, 5, 6, 7, 8 };
var total = Sample.Sum(data) + Sample.SumEvery(data, 2) + Sample.MaxOfInts(3, 4) + Sample.CountAbove(data, 3)
    + Sample.DelayedDoubleAsync(21).GetAwaiter().GetResult() + Sample.NthPrime(3) + Sample.SumSquares(4)
    + Sample.DayName(2).Length + (int)Sample.Scale(Vector128.Create(1f), 2f).GetElement(0);
System.Console.Error.WriteLine(total);
