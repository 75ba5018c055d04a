namespace JitLens.Tests.Rendering;

/// <summary>Methods with more than one exit: the JIT emits an epilog after each return.</summary>
internal static class ExitsSource
{
    public const string Text = """
        public static class Exits
        {
            public static int Pick(int a, int b) => a.CompareTo(b) >= 0 ? a : b; // two rets

            public static int Classify(int x, int[] data)
            {
                if (x < 0)
                {
                    return data.Length; // early exit
                }

                var y = x * 3;
                return y + data[0]; // late exit
            }
        }
        """;
}
