namespace JitLens.Host;

/// <summary>
/// The host's command line: <c>JitLens.Host ASSEMBLY MODE [PATTERN]</c>. ASSEMBLY <c>-</c> means the path arrives later as
/// the first line on stdin, so that the parent can start the host while it is still compiling the assembly.
/// </summary>
internal sealed record HostOptions(string AssemblyPath, string Mode, string? Pattern)
{
    public const string AssemblyFromStdin = "-";

    public const string Optimized = "optimized";
    public const string Tier0 = "tier0";
    public const string Tier1Pgo = "tier1-pgo";

    public static HostOptions? Parse(string[] args)
    {
        if (args.Length < 2 || args[1] is not (Optimized or Tier0 or Tier1Pgo))
        {
            return null;
        }

        return new HostOptions(args[0], args[1], args.Length > 2 && args[2].Length > 0 ? args[2] : null);
    }
}
