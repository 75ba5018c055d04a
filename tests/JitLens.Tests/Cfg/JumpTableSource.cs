namespace JitLens.Tests.Cfg;

/// <summary>Switches the JIT turns into jump tables, and branchy code it does not; each case on its own line.</summary>
internal static class JumpTableSource
{
    public const string Text = """
        public static class Switches
        {
            public static string Day(int day) => day switch
            {
                0 => "Sunday", // case 0
                1 => "Monday", // case 1
                2 => "Tuesday", // case 2
                3 => "Wednesday", // case 3
                4 => "Thursday", // case 4
                5 => "Friday", // case 5
                6 => "Saturday", // case 6
                _ => "unknown",
            };

            public static int Two(int a, int b)
            {
                var r = 0;
                switch (a)
                {
                    case 10: r = 1; break;
                    case 11: r = 7; break;
                    case 12: r = 3; break;
                    case 13: r = 9; break;
                    case 14: r = 11; break;
                    case 15: r = 2; break;
                }

                switch (b)
                {
                    case 0: r += 5; break;
                    case 1: r *= 3; break;
                    case 3: r ^= 8; break;
                    case 4: r += 100; break;
                    case 5: r <<= 2; break;
                    case 7: r >>= 1; break;
                }

                return r;
            }

            public static int Sparse(int x)
            {
                switch (x)
                {
                    case 1: return 10;
                    case 100: return 20;
                    case 1000: return 35;
                    case 10000: return 47;
                    case 100000: return 51;
                    case 1000000: return 66;
                }

                return -1;
            }

            public static int Chain(int x)
            {
                if (x < 0) return -7;
                if (x == 3) return 11;
                if (x > 50) return x * 3;
                return x + 1;
            }
        }
        """;
}
